# Silo image: the Orleans cluster node (grains, leecher, sync jobs) and its "migrate" command.
# Build from the repository root:  docker build -f docker/silo.Dockerfile -t ayon-shotgrid-silo .
# Without a registry (scripts/compose-drill.sh): RUNTIME_IMAGE=ayonsg-local/dotnet-runtime:10.0 (scripts/docker-base-images.sh)
# and APP_SOURCE=prebuilt, which takes the publish output of scripts/docker-publish.sh; the SDK image is then not used.
# Needs BuildKit (docker compose, docker buildx build): it builds only the stages the image uses.

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
# build = compile inside SDK_IMAGE; prebuilt = artifacts/docker/silo from the host.
ARG APP_SOURCE=build

FROM ${SDK_IMAGE} AS build
WORKDIR /src

# Restore first, from the project files only, so the restore layer is reused until a csproj or a version changes.
COPY global.json nuget.config Directory.Build.props Directory.Packages.props ./
COPY src/Contracts/AyonShotgrid.Contracts.csproj src/Contracts/
COPY src/Persistence/AyonShotgrid.Persistence.csproj src/Persistence/
COPY src/Grains/AyonShotgrid.Grains.csproj src/Grains/
COPY src/Silo/AyonShotgrid.Silo.csproj src/Silo/
RUN dotnet restore src/Silo/AyonShotgrid.Silo.csproj

COPY .editorconfig ./
COPY src/Contracts/ src/Contracts/
COPY src/Persistence/ src/Persistence/
COPY src/Grains/ src/Grains/
COPY src/Silo/ src/Silo/
RUN dotnet publish src/Silo/AyonShotgrid.Silo.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM scratch AS prebuilt
COPY artifacts/docker/silo/ /app/

FROM ${APP_SOURCE} AS app

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
COPY --from=app /app ./
# appsettings.json sets Urls=http://0.0.0.0:8081 (health and dashboard); it takes precedence over the image's
# ASPNETCORE_HTTP_PORTS=8080. 11111 = silo-to-silo, 30000 = client gateway (gateway containers connect here).
EXPOSE 8081 11111 30000
USER $APP_UID
# The runtime image has no curl/wget: bash's /dev/tcp asks /health/live. The "migrate" one-shot disables it in compose.
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081 && printf 'GET /health/live HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# Exec form: dotnet is PID 1 and receives docker stop's SIGTERM, which shuts the silo down in order (it leaves the
# membership table, hands its grains back) within compose's stop_grace_period.
ENTRYPOINT ["dotnet", "AyonShotgrid.Silo.dll"]
