#!/usr/bin/env python3
"""Checks the packages `dotnet pack` just wrote, and prints their version (the one line on stdout).

- Every Databrain.*.nupkg in the folder has the same version, and it comes from git (MinVer): on a
  commit tagged vX.Y.Z it is X.Y.Z; on any other commit it is a prerelease (never a bare X.Y.Z, which
  a consumer's package cache would confuse with an earlier pack of the same number).
- The SDK package holds a library for each of its targets: lib/net462, lib/net8.0, lib/net10.0, each with its
  XML doc file, which documents the SDK only (no member of Polyfill's internal sources, compiled into net462).
- Each package's README.md is the one beside its project file, and it has no relative link (a link
  like docs/errors.md is broken wherever the package page is shown).

Usage: check-packages.py FOLDER PROJECT_DIR...   (one project directory per package, in any order)
"""
import os
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

# Markdown inline links and images, reference definitions, and HTML href/src attributes.
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)|(?:href|src)\s*=\s*[\"']([^\"']+)", re.M)
ABSOLUTE = re.compile(r"^(https?|mailto):", re.I)
# The libraries each package must hold (its target frameworks).
LIBRARIES = {"Databrain.Client": ["lib/net462/Databrain.Client.dll", "lib/net8.0/Databrain.Client.dll", "lib/net10.0/Databrain.Client.dll"]}


def relative_links(markdown):
    return [next(g for g in m.groups() if g) for m in LINK.finditer(markdown) if not ABSOLUTE.match(next(g for g in m.groups() if g))]


def main():
    folder, project_dirs = sys.argv[1], sys.argv[2:]
    problems = []
    versions = {}
    readme_sources = {os.path.basename(os.path.normpath(d)): os.path.join(d, "README.md") for d in project_dirs}
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("Databrain.") and name.endswith(".nupkg")):
            continue
        with zipfile.ZipFile(os.path.join(folder, name)) as package:
            nuspec = next(n for n in package.namelist() if n.endswith(".nuspec") and "/" not in n)
            metadata = ET.fromstring(package.read(nuspec)).find("{*}metadata")
            package_id, version = metadata.findtext("{*}id"), metadata.findtext("{*}version")
            readme_entry = metadata.findtext("{*}readme")
            versions[package_id] = version
            for library in LIBRARIES.get(package_id, []):
                if library not in package.namelist():
                    problems.append(f"{package_id}: {library} is not in the package")
                docs = library[:-len(".dll")] + ".xml"
                if docs not in package.namelist():
                    problems.append(f"{package_id}: {docs} is not in the package")
                    continue
                foreign = [m.get("name") for m in ET.fromstring(package.read(docs)).iter("member")
                           if re.match(r"^[A-Z]:(Polyfills|System)\.", m.get("name", ""))]
                if foreign:
                    problems.append(f"{package_id}: {docs} documents {len(foreign)} members that are not the SDK's, "
                                    f"e.g. {foreign[0]} (eng/drop-polyfill-docs.xslt)")
            if readme_entry is None:
                problems.append(f"{package_id}: no readme in the package")
                continue
            readme = package.read(readme_entry.replace("\\", "/")).decode("utf-8-sig")
        source = readme_sources.get(package_id)
        if source is None:
            problems.append(f"{package_id}: no project directory given for it")
        elif readme.replace("\r\n", "\n") != open(source, encoding="utf-8-sig").read().replace("\r\n", "\n"):
            problems.append(f"{package_id}: the packed README is not {source}")
        for link in relative_links(readme):
            problems.append(f"{package_id}: the packed README has a relative link: {link}")

    missing = set(readme_sources) - set(versions)
    if missing:
        problems.append(f"not packed: {', '.join(sorted(missing))}")
    if len(set(versions.values())) > 1:
        problems.append(f"the packages disagree on the version: {versions}")

    version = next(iter(versions.values()), "")
    tag = subprocess.run(["git", "describe", "--exact-match", "--tags", "--match", "v[0-9]*", "HEAD"],
                         capture_output=True, text=True).stdout.strip()
    if tag:
        if version != tag[1:]:
            problems.append(f"HEAD is tagged {tag} but the packages are version {version}")
    elif "-" not in version:
        problems.append(f"HEAD has no v* tag, yet the packages are version {version}, a release version: "
                        "every untagged commit must pack a prerelease (MinVer, Directory.Build.props)")

    for problem in problems:
        print(f"check-packages: {problem}", file=sys.stderr)
    print(f"check-packages: {', '.join(f'{k} {v}' for k, v in sorted(versions.items()))}"
          f" ({'tag ' + tag if tag else 'untagged commit'})", file=sys.stderr)
    if problems:
        return 1
    print(version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
