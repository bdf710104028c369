#!/usr/bin/env python3
"""Check the deployment files without a Docker engine or a cluster (neither runs here).

- deploy/k8s/*.yaml against the Kubernetes API schemas (kubernetes-validate, strict: an
  unknown field is an error);
- deploy/compose.yaml for what compose would refuse or what would break at run time: a
  dependency, secret or mounted file that does not exist, a secret given as plain text;
- deploy/Dockerfile for the image's promises: a build stage and a slim run stage, a non-root
  user, a healthcheck on /healthz, a locked build.

Run by .ci/run; needs `pip install kubernetes-validate` (it brings PyYAML).
"""
import pathlib
import re
import subprocess
import sys

import yaml

DEPLOY = pathlib.Path(__file__).resolve().parent
problems = []


def check(ok, message):
    if not ok:
        problems.append(message)


def kubernetes():
    files = sorted(str(p) for p in (DEPLOY / "k8s").glob("*.yaml") if p.name != "kustomization.yaml")
    run = subprocess.run(
        [sys.executable, "-m", "kubernetes_validate", "--strict", "--quiet", *files],
        capture_output=True, text=True,
    )
    check(run.returncode == 0, "kubernetes-validate:\n" + run.stdout + run.stderr)
    kustomization = yaml.safe_load((DEPLOY / "k8s" / "kustomization.yaml").read_text())
    for resource in kustomization["resources"]:
        check((DEPLOY / "k8s" / resource).exists(), f"kustomization names a missing {resource}")
    kinds = {}
    for f in files:
        for doc in yaml.safe_load_all(pathlib.Path(f).read_text()):
            kinds.setdefault(doc["kind"], []).append(doc)
    for kind in ["Deployment", "Job", "ConfigMap", "PodDisruptionBudget", "Service"]:
        check(kind in kinds, f"no {kind} in deploy/k8s")
    for d in kinds.get("Deployment", []):
        c = d["spec"]["template"]["spec"]["containers"][0]
        check("resources" in c and "requests" in c["resources"], f"{d['metadata']['name']}: no resource requests")
        if "gateway" in d["metadata"]["name"]:
            check(c.get("readinessProbe", {}).get("httpGet", {}).get("path") == "/readyz",
                  "the gateway's readiness is not /readyz")


def compose():
    doc = yaml.safe_load((DEPLOY / "compose.yaml").read_text())
    services = doc["services"]
    for need in ["postgres", "minio", "otel-collector", "migrate", "gateway", "worker", "proxy"]:
        check(need in services, f"compose: no service {need}")
    check(services["gateway"].get("deploy", {}).get("replicas") == 2, "compose: gateway is not two replicas")
    secrets = doc.get("secrets", {})
    maker = (DEPLOY / "compose" / "make-secrets.sh").read_text()
    for name, s in secrets.items():
        check(name in maker, f"compose: make-secrets.sh does not write secret {name}")
        check(s["file"].startswith("./compose/secrets/"), f"compose: secret {name} outside compose/secrets")
    for name, svc in services.items():
        check("image" in svc, f"compose: {name} has no image")
        for dep in (svc.get("depends_on") or {}):
            check(dep in services, f"compose: {name} depends on unknown {dep}")
        for s in svc.get("secrets", []):
            check(s in secrets, f"compose: {name} uses undeclared secret {s}")
        for v in svc.get("volumes", []):
            src = v.split(":")[0]
            if src.startswith("./"):
                check((DEPLOY / src).exists(), f"compose: {name} mounts missing {src}")
        for key, value in (svc.get("environment") or {}).items():
            if re.search(r"(SECRET|PASSWORD|DATABASE_URL)", key) and not key.endswith("_FILE"):
                problems.append(f"compose: {name} sets {key} in plain text; use {key}_FILE")
        if "build" in svc:
            check((DEPLOY / svc["build"]["context"] / svc["build"]["dockerfile"]).exists(),
                  f"compose: {name} builds from a missing Dockerfile")


def dockerfile():
    text = (DEPLOY / "Dockerfile").read_text()
    stages = re.findall(r"^FROM\s+(\S+)", text, re.M)
    check(len(stages) >= 2, "Dockerfile: not multi-stage")
    check(any("slim" in s for s in stages[1:]), "Dockerfile: the run stage is not slim")
    user = re.findall(r"^USER\s+(\S+)", text, re.M)
    check(user and not user[-1].startswith(("root", "0")), "Dockerfile: runs as root")
    check(re.search(r"^HEALTHCHECK .*\n?.*/healthz", text, re.M) is not None, "Dockerfile: no healthcheck on /healthz")
    check("cargo build --release --locked" in text, "Dockerfile: the build is not --locked")
    # pg_dump refuses a server newer than itself: the image's client is the server's major.
    client = re.search(r"^ARG PG_MAJOR=(\d+)", text, re.M)
    server = re.search(r"image:\s*postgres:(\d+)", (DEPLOY / "compose.yaml").read_text())
    check(client and "postgresql-client-${PG_MAJOR}" in text,
          "Dockerfile: the PostgreSQL client's major version is not pinned (ARG PG_MAJOR)")
    check(client and server and client.group(1) == server.group(1),
          "Dockerfile: PG_MAJOR differs from compose's postgres image (pg_dump would refuse it)")
    ignore = (DEPLOY.parent / ".dockerignore").read_text()
    check("target/" in ignore, ".dockerignore: target/ is sent to the builder")


kubernetes()
compose()
dockerfile()
if problems:
    print("\n".join(problems))
    sys.exit(1)
print("deploy/: Kubernetes manifests, compose and Dockerfile check out")
