# Silo image: the Orleans cluster node (grains, leecher, sync jobs) and its "migrate" command.
# Build from the repository root:  docker build -f docker/silo.Dockerfile -t ayon-shotgrid-silo .
# Not built on the machine this was written on (no Docker there): see docs/operations.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
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

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# appsettings.json sets Urls=http://0.0.0.0:8081 (health and dashboard); it takes precedence over the image's
# ASPNETCORE_HTTP_PORTS=8080. 11111 = silo-to-silo, 30000 = client gateway (gateway containers connect here).
EXPOSE 8081 11111 30000
USER $APP_UID
# The aspnet image has no curl/wget; compose probes health with bash's /dev/tcp instead (see docker-compose.yml).
ENTRYPOINT ["dotnet", "AyonShotgrid.Silo.dll"]
