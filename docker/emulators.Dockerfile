# Emulators image (compose profile "demo" only): the ShotGrid and AYON emulators, one published app per folder.
# Build from the repository root:  docker build -f docker/emulators.Dockerfile -t ayon-shotgrid-emulators .
# Build arguments as in silo.Dockerfile (RUNTIME_IMAGE, SDK_IMAGE, APP_SOURCE=build|prebuilt); needs BuildKit.

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0
ARG APP_SOURCE=build

FROM ${SDK_IMAGE} AS build
WORKDIR /src

COPY global.json nuget.config Directory.Build.props Directory.Packages.props ./
COPY src/Emulators/ShotGrid/AyonShotgrid.Emulators.ShotGrid.csproj src/Emulators/ShotGrid/
COPY src/Emulators/Ayon/AyonShotgrid.Emulators.Ayon.csproj src/Emulators/Ayon/
COPY src/Emulators/Shared/AyonShotgrid.Emulators.Shared.csproj src/Emulators/Shared/
RUN dotnet restore src/Emulators/ShotGrid/AyonShotgrid.Emulators.ShotGrid.csproj \
 && dotnet restore src/Emulators/Ayon/AyonShotgrid.Emulators.Ayon.csproj

COPY .editorconfig ./
COPY src/Emulators/ src/Emulators/
RUN dotnet publish src/Emulators/ShotGrid/AyonShotgrid.Emulators.ShotGrid.csproj -c Release --no-restore -o /app/shotgrid /p:UseAppHost=false \
 && dotnet publish src/Emulators/Ayon/AyonShotgrid.Emulators.Ayon.csproj -c Release --no-restore -o /app/ayon /p:UseAppHost=false

FROM scratch AS prebuilt
COPY artifacts/docker/emulators/ /app/

FROM ${APP_SOURCE} AS app

FROM ${RUNTIME_IMAGE} AS runtime
COPY --from=app /app /app
EXPOSE 5101 5102
USER $APP_UID
WORKDIR /app
