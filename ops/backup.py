"""Backup and restore: the database (pg_dump custom format, or the SQLite file) and uploaded files."""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections


def _pg_env(db: dict) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": db.get("HOST") or "",
            "PGPORT": str(db.get("PORT") or ""),
            "PGUSER": db.get("USER") or "",
            "PGPASSWORD": db.get("PASSWORD") or "",
            "PGDATABASE": db["NAME"],
        }
    )
    return env


def backup_create(*, target_dir: Path | None = None, alias: str = "default") -> Path:
    db = settings.DATABASES[alias]
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = Path(target_dir or Path(settings.BASE_DIR) / "var" / "backups" / stamp)
    target.mkdir(parents=True, exist_ok=True)
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    if engine == "postgresql":
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-acl", "--file", str(target / "db.dump")],
            env=_pg_env(db),
            check=True,
        )
    elif engine == "sqlite3":
        connections[alias].close()
        src = sqlite3.connect(db["NAME"])
        dst = sqlite3.connect(target / "db.sqlite3")
        with dst:
            src.backup(dst)
        src.close()
        dst.close()
    else:
        raise RuntimeError(f"backup does not know the {engine} engine")
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as tar:
        if media.exists():
            tar.add(media, arcname="media")
    (target / "manifest.json").write_text(json.dumps({"engine": engine, "created": stamp}))
    return target


def backup_restore(*, source_dir: Path, alias: str = "default") -> None:
    db = settings.DATABASES[alias]
    source = Path(source_dir)
    engine = json.loads((source / "manifest.json").read_text())["engine"]
    connections[alias].close()
    if engine == "postgresql":
        subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-acl",
                "--dbname",
                db["NAME"],
                str(source / "db.dump"),
            ],
            env=_pg_env(db),
            check=True,
        )
    else:
        shutil.copyfile(source / "db.sqlite3", db["NAME"])
    media = Path(settings.MEDIA_ROOT)
    if media.exists():
        shutil.rmtree(media)
    media.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(source / "media.tar.gz", "r:gz") as tar:
        tar.extractall(media.parent, filter="data")
        extracted = media.parent / "media"
        if extracted != media and extracted.exists():
            extracted.rename(media)
