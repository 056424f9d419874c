#!/usr/bin/env bash
# Consumer check: pack the library and the tool into a local folder, then use them the way a user does, from a fresh
# project outside the repository that can get ScalingLaws packages ONLY from that folder (package source mapping).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
packages="$root/artifacts/packages"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
data="$root/../shared/data/chinchilla-epoch/svg_extracted_data.csv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet pack "$root/src/ScalingLaws" -c Release -o "$packages" > /dev/null
dotnet pack "$root/src/ScalingLaws.Plotting" -c Release -o "$packages" > /dev/null
dotnet pack "$root/src/ScalingLaws.Cli" -c Release -o "$packages" > /dev/null
ls "$packages"/*.nupkg

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="ScalingLaws*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML

# 1. A fresh console project referencing the package by version.
mkdir "$work/consumer"
cat > "$work/consumer/consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ScalingLaws" Version="$version" />
  </ItemGroup>
</Project>
XML
cat > "$work/consumer/Program.cs" <<'CS'
using ScalingLaws;

double[] n = [1e7, 3e7, 1e8, 3e8, 1e9, 3e9, 1e10];
var loss = n.Select(x => 1.8 + (400.0 * Math.Pow(x, -0.34))).ToArray();
var fit = ScalingLawFitter.Fit(new SaturatingPowerLaw(), n, loss);
Console.WriteLine(fit);
var ok = fit.Converged && Math.Abs(fit["alpha"] - 0.34) < 1e-6 && Math.Abs(fit["E"] - 1.8) < 1e-6;
Console.WriteLine(ok ? "consumer check: OK" : "consumer check: WRONG RESULT");
return ok ? 0 : 1;
CS
(cd "$work/consumer" && dotnet run -c Release --configfile "$work/nuget.config" 2>&1 | tail -n 3) || { echo "consumer project failed"; exit 1; }
(cd "$work/consumer" && dotnet run -c Release --no-build | grep -q "consumer check: OK")

# 2. The tool, installed from the same folder.
dotnet tool install ScalingLaws.Tool --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config" > /dev/null
"$work/tools/scaling-laws" laws | head -n 5
if [ -f "$data" ]; then
  "$work/tools/scaling-laws" fit "$data" --law chinchilla --x N="Model Size" --x C="Training FLOP" --derive D="C/(6*N)" \
    --y loss --loss huber:1e-3 --log-residuals --drop-top 5 --json "$work/report.json" > /dev/null
  grep -q '"alpha"' "$work/report.json"
fi
echo "consumer check: package and tool OK"
