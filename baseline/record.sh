#!/usr/bin/env bash
# Records the current build of the named modules as their API baseline: copies each module's bundle into the committed
# file repository baseline-repo/ as org.bastion.crm:<artifactId>:<crm.baseline.version> (the root pom's property),
# which bnd baselining (bnd-baseline-maven-plugin, at verify) then compares every later build with.
# Run it at a release, or once for a new bundle that exports packages; then commit baseline-repo/.
# See docs/api-versioning.md.
#
# Usage: baseline/record.sh [maven options...] <module>...
#   <module>: a module directory (bundles/crm-api, samples/vendor-plugin) or a bundle name under bundles/ (crm-api)
#   maven options (arguments starting with -) are passed to the build, e.g. -o -Dmaven.repo.local=/path
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

maven_args=()
modules=()
repo_local="${HOME}/.m2/repository"
for arg in "$@"; do
  case "$arg" in
    -Dmaven.repo.local=*) repo_local="${arg#-Dmaven.repo.local=}"; maven_args+=("$arg") ;;
    -*) maven_args+=("$arg") ;;
    *) modules+=("$arg") ;;
  esac
done
if [ "${#modules[@]}" -eq 0 ]; then
  echo "usage: baseline/record.sh [maven options...] <module>..." >&2
  exit 2
fi

version="$(sed -n 's:.*<crm.baseline.version>\([^<]*\)</crm.baseline.version>.*:\1:p' pom.xml | head -n 1)"
group="$(sed -n '/<parent>/,/<\/parent>/d; s:^  <groupId>\([^<]*\)</groupId>.*:\1:p' pom.xml | head -n 1)"
root_group="$group"
if [ -z "$version" ] || [ -z "$group" ]; then
  echo "cannot read crm.baseline.version or groupId from pom.xml" >&2
  exit 1
fi

dirs=()
for module in "${modules[@]}"; do
  module="${module%/}"
  if [ -f "$module/pom.xml" ]; then dirs+=("$module")
  elif [ -f "bundles/$module/pom.xml" ]; then dirs+=("bundles/$module")
  else echo "no module $module (neither $module/pom.xml nor bundles/$module/pom.xml)" >&2; exit 1
  fi
done

# the bundles as they are built now (package: before verify, so the old baseline is not consulted)
pl="$(IFS=,; echo "${dirs[*]}")"
./mvnw -B -q "${maven_args[@]}" package -DskipTests -pl "$pl" -am

sha1() { sha1sum "$1" | cut -d' ' -f1 > "$1.sha1"; }

for dir in "${dirs[@]}"; do
  # the module's own artifactId: the first one after its <parent> block
  artifact="$(sed '/<parent>/,/<\/parent>/d' "$dir/pom.xml" | sed -n 's:.*<artifactId>\([^<]*\)</artifactId>.*:\1:p' | head -n 1)"
  jar="$(ls "$dir"/target/"$artifact"-*.jar 2>/dev/null | grep -v -e '-sources\.jar$' -e '-tests\.jar$' -e '-javadoc\.jar$' | head -n 1 || true)"
  if [ -z "$jar" ]; then echo "no jar for $artifact in $dir/target" >&2; exit 1; fi
  if ! unzip -p "$jar" META-INF/MANIFEST.MF | grep -q '^Export-Package:'; then
    echo "$jar exports no package: nothing to baseline" >&2; exit 1
  fi
  # a module with a groupId of its own (a vendor sample: com.example.crm) is recorded under it
  module_group="$(sed '/<parent>/,/<\/parent>/d' "$dir/pom.xml" | sed -n 's:^  <groupId>\([^<]*\)</groupId>.*:\1:p' | head -n 1)"
  group="${module_group:-$root_group}"
  target="baseline-repo/${group//.//}/$artifact/$version"
  mkdir -p "$target"
  cp "$jar" "$target/$artifact-$version.jar"
  cat > "$target/$artifact-$version.pom" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>$group</groupId>
  <artifactId>$artifact</artifactId>
  <version>$version</version>
  <description>API baseline of $artifact (recorded by baseline/record.sh; only for bnd baselining)</description>
</project>
POM
  sha1 "$target/$artifact-$version.jar"
  sha1 "$target/$artifact-$version.pom"
  versions="$(ls -d "baseline-repo/${group//.//}/$artifact"/*/ | xargs -n 1 basename | sort -V)"
  {
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo "<metadata><groupId>$group</groupId><artifactId>$artifact</artifactId><versioning>"
    echo "  <latest>$(echo "$versions" | tail -n 1)</latest><release>$(echo "$versions" | tail -n 1)</release><versions>"
    for v in $versions; do echo "    <version>$v</version>"; done
    echo "  </versions></versioning></metadata>"
  } > "baseline-repo/${group//.//}/$artifact/maven-metadata.xml"
  sha1 "baseline-repo/${group//.//}/$artifact/maven-metadata.xml"
  # Maven never downloads a release twice: drop the copy an earlier build cached, or it would keep comparing with it
  rm -rf "$repo_local/${group//.//}/$artifact/$version"
  echo "recorded $jar as $group:$artifact:$version in $target"
done
echo "commit baseline-repo/ to make it the baseline"
