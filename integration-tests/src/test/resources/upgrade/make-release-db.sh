#!/bin/sh
# Remakes release-db.tar.gz and release-db.properties beside this script: the Derby database of Samverkan's
# release d6f0e26 (the last one with one migration history for all tables) with data in every table, made by
# MakeReleaseDatabase against that release's own distribution. UpgradeFromReleaseIT starts the current
# distribution on it.
#
# Run it from anywhere in a clone: sh integration-tests/src/test/resources/upgrade/make-release-db.sh
# MVN_FLAGS is passed to every mvn, e.g. MVN_FLAGS="-o -Dmaven.repo.local=/path/to/repository".
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
release=d6f0e26
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/release" 2>/dev/null || true; rm -rf "$work"' EXIT

# 1. The release's distribution. Its artifacts carry this tree's version, so they go into the local repository
#    first, and this tree's are installed again (step 2) before its test code runs.
git -C "$root" worktree add --detach "$work/release" "$release"
(cd "$work/release" && mvn -B ${MVN_FLAGS:-} install -DskipTests)
cp "$work/release/karaf-distribution/target/samverkan-distribution-0.1.0-SNAPSHOT.tar.gz" "$work/release.tar.gz"

# 2. This tree, whose integration tests hold the steps.
(cd "$root" && mvn -B ${MVN_FLAGS:-} install -DskipTests)

# 3. Start the release, put data into every table through REST, the console, etc/ and the sources it reads;
#    record what it shows; stop it; pack its Derby folder.
(cd "$root" && mvn -B ${MVN_FLAGS:-} -pl integration-tests verify -Dit.test=MakeReleaseDatabase \
    -Ddistribution.archive="$work/release.tar.gz" -Dupgrade.out="$here")
