#!/usr/bin/env python3
"""Rebuilds Fuzz/part-corpus/ (the part fuzzer's seeds) from real parts: runs `run`, `compare`,
`sweep`, `sensitivity` and `solve` with --shard on the smoke scenario (2 months, a few
replications, so each seed is a few KB) and frames each study's parts in the harness's format
(see Fuzz/README.md, "The part fuzzer"). Also converts part folders given on the command line.

Usage (from anywhere; needs a built injurysim, debug or release):
    python3 Fuzz/tools/make-part-corpus.py [--binary PATH]
    python3 Fuzz/tools/make-part-corpus.py --frame OUT.bin PART_FOLDER [PART_FOLDER …] [--fix]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(os.path.dirname(HERE), "part-corpus")
MARKER = b"\n@@ "
# Flag byte: bit 0 asks the harness to write the files' real sizes and checksums into the parsed
# manifests (so mutated files reach the decoders); 0x00 keeps the manifests as they are.
FLAG_AS_IS, FLAG_FIX = b"\x00", b"\x01"


def frame(folders, flag):
    """The framed bytes of the part folders, part numbers 1, 2, … in the order given."""
    out = bytearray(flag)
    for number, folder in enumerate(folders, start=1):
        names = sorted(os.listdir(folder), key=lambda n: (n != "manifest.json", n != "scenario.json", n))
        for name in names:
            with open(os.path.join(folder, name), "rb") as f:
                out += MARKER + f"{number}/{name}\n".encode() + f.read()
    return bytes(out)


def binary_path(given):
    if given:
        return given
    for build in ("release", "debug"):
        path = os.path.join(ROOT, ".build", build, "injurysim")
        if os.path.exists(path):
            return path
    sys.exit("no injurysim binary: run `swift build` first or pass --binary")


def make_all(binary):
    os.makedirs(CORPUS, exist_ok=True)
    smoke = "Scenarios/smoke.json"  # relative to ROOT (the commands run there)
    with tempfile.TemporaryDirectory() as tmp:
        dear = os.path.join(tmp, "dear.json")
        with open(dear, "w") as f:
            f.write('{"extends": "%s", "name": "smoke-dear", "platforms": {"caocao": {"ratePerOrderYuan": 0.02}}}' % os.path.join(ROOT, smoke))
        short = ["--set", "months=2", "--threads", "1", "--quiet"]
        studies = {
            "run-2of2": (["run", smoke, "--replications", "2"] + short, 2),
            "run-1of1": (["run", smoke, "--replications", "1"] + short, 1),
            "run-3of2": (["run", smoke, "--replications", "3"] + short, 2),
            "compare-2of2": (["compare", smoke, dear, "--replications", "2"] + short, 2),
            "sweep-2of2": (["sweep", smoke, "--replications", "2", "--set", "pooling=province,national"] + short, 2),
            "sensitivity-1of1": (["sensitivity", smoke, "--replications", "1"] + short, 1),
            "solve-2of2": (["solve", smoke, "--target", "poolruin<=0.5", "--replications", "2"] + short, 2),
        }
        for name, (command, shards) in studies.items():
            folders = []
            for k in range(1, shards + 1):
                folder = os.path.join(tmp, name, str(k))
                subprocess.run([binary] + command + ["--shard", f"{k}/{shards}", "--out", folder], check=True, cwd=ROOT,
                               stderr=subprocess.DEVNULL)
                folders.append(folder)
            for flag, suffix in ((FLAG_AS_IS, ""), (FLAG_FIX, "-fix")):
                # The as-is seed merges; the -fix seed starts the checksum-free exploration.
                if suffix and not name.startswith(("run-2", "compare", "solve")):
                    continue
                with open(os.path.join(CORPUS, name + suffix + ".bin"), "wb") as f:
                    f.write(frame(folders, flag))
    total = sum(os.path.getsize(os.path.join(CORPUS, n)) for n in os.listdir(CORPUS))
    print(f"{len(os.listdir(CORPUS))} seeds, {total} bytes in {CORPUS}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary")
    parser.add_argument("--frame", metavar="OUT")
    parser.add_argument("--fix", action="store_true")
    parser.add_argument("folders", nargs="*")
    args = parser.parse_args()
    if args.frame:
        with open(args.frame, "wb") as f:
            f.write(frame(args.folders, FLAG_FIX if args.fix else FLAG_AS_IS))
    else:
        make_all(binary_path(args.binary))


if __name__ == "__main__":
    main()
