# Gateway image: the HTTP API AYON (its addon) calls; an Orleans client of the silos.
# Build from the repository root:  docker build -f docker/gateway.Dockerfile -t ayon-shotgrid-gateway .
# Build arguments as in silo.Dockerfile (RUNTIME_IMAGE, SDK_IMAGE, APP_SOURCE=build|prebuilt); needs BuildKit.

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG APP_SOURCE=build

FROM ${SDK_IMAGE} AS build
WORKDIR /src

COPY global.json nuget.config Directory.Build.props Directory.Packages.props ./
COPY src/Contracts/AyonShotgrid.Contracts.csproj src/Contracts/
COPY src/Persistence/AyonShotgrid.Persistence.csproj src/Persistence/
COPY src/Gateway/AyonShotgrid.Gateway.csproj src/Gateway/
RUN dotnet restore src/Gateway/AyonShotgrid.Gateway.csproj

COPY .editorconfig ./
COPY src/Contracts/ src/Contracts/
COPY src/Persistence/ src/Persistence/
COPY src/Gateway/ src/Gateway/
RUN dotnet publish src/Gateway/AyonShotgrid.Gateway.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM scratch AS prebuilt
COPY artifacts/docker/gateway/ /app/

FROM ${APP_SOURCE} AS app

FROM ${RUNTIME_IMAGE} AS runtime
WORKDIR /app
COPY --from=app /app ./
# appsettings.json sets Urls=http://0.0.0.0:8080. Health: /health, /health/live, /health/ready.
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=6 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "AyonShotgrid.Gateway.dll"]
