# Gateway image: the HTTP API AYON (its addon) calls; an Orleans client of the silos.
# Build from the repository root:  docker build -f docker/gateway.Dockerfile -t ayon-shotgrid-gateway .
# Not built on the machine this was written on (no Docker there): see docs/operations.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
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

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# appsettings.json sets Urls=http://0.0.0.0:8080. Health: /health, /health/live, /health/ready.
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "AyonShotgrid.Gateway.dll"]
