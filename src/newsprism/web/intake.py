"""Reading an ingest request (the form of the ingest page, or the API's form or JSON) into
a queued job. Shared by ``POST /ingest`` and ``POST /api/ingest``.
"""

from __future__ import annotations

import errno
import logging
import shutil
from pathlib import Path

from fastapi import HTTPException, Request
from starlette.datastructures import FormData, UploadFile

from newsprism.ingest.records import load_json
from newsprism.ingest.sources import is_url, normal_url
from newsprism.web.deps import no_controls
from newsprism.web.jobs import Job, JobInput
from newsprism.web.services import Services, services

logger = logging.getLogger(__name__)

MAX_FILES = 100
MAX_URL_CHARS = 2000


async def start_job(request: Request) -> Job:
    """Read the inputs of an ingest request and queue its job. Raises 400 (malformed
    JSON or form), 413 (a file over the limit) or 422 (no usable input)."""
    svc = services(request)
    correct = False
    if request.headers.get("content-type", "").startswith("application/json"):
        inputs, folder = [_url_input(_json_url(await request.body()))], None
    else:
        inputs, folder = await _form_inputs(request, svc)
        correct = _asks_to_correct(await request.form())
    if not inputs:
        raise HTTPException(422, "give one or more files, or a URL")
    return svc.jobs.submit(inputs, folder, correct=correct)


def _asks_to_correct(form: FormData) -> bool:
    """The form's ``correct`` field: uploads beside a manifest may correct what an
    earlier upload of their name and text stored (off unless given: an upload's name is
    no file's identity, and another outlet's copy of one wire text was relabelled)."""
    value = form.get("correct")
    return isinstance(value, str) and value.strip().lower() in ("1", "true", "on", "yes")


def _json_url(body: bytes) -> object:
    try:
        data = load_json(body)
    except ValueError as exc:
        raise HTTPException(400, f"malformed JSON: {exc}") from None
    if not isinstance(data, dict) or "url" not in data:
        raise HTTPException(422, 'expected a JSON object {"url": "https://..."}')
    return data["url"]


def _url_input(url: object) -> JobInput:
    if not isinstance(url, str) or not is_url(url.strip()):
        raise HTTPException(422, "url must be an http:// or https:// address")
    url = normal_url(url.strip())  # the source as ingest stores it (HTTP:// as http://)
    if len(url) > MAX_URL_CHARS:
        raise HTTPException(422, f"url is over {MAX_URL_CHARS:,} characters")
    try:
        no_controls(url)
    except ValueError as exc:
        raise HTTPException(422, f"url: {exc}") from None
    return JobInput(url, url)


async def _form_inputs(request: Request, svc: Services) -> tuple[list[JobInput], Path | None]:
    form = await request.form(max_files=MAX_FILES, max_fields=20)
    limit = svc.options.max_upload_bytes
    uploads: list[tuple[str | None, bytes]] = []
    total = 0
    for item in form.getlist("files"):
        if not isinstance(item, UploadFile) or not item.filename:
            continue
        data = await item.read(limit + 1)
        if len(data) > limit:
            raise HTTPException(413, f"{item.filename} is over the limit of {limit:,} bytes")
        # The limit is on the upload in all (as the form says): a body sent without a
        # Content-Length (chunked) passed the guard, and 100 files of the limit each
        # were held in memory at once.
        total += len(data)
        if total > limit:
            raise HTTPException(413, f"the files are over the limit of {limit:,} bytes in all")
        uploads.append((item.filename, data))
    url = form.get("url")
    inputs = [_url_input(url)] if isinstance(url, str) and url.strip() else []
    if not uploads:
        return inputs, None
    folder = None
    try:
        folder = svc.jobs.new_folder()
        return svc.jobs.save_uploads(folder, uploads) + inputs, folder
    except OSError as exc:
        # A full disk or an unwritable temporary folder was a bare 500, and the files
        # saved before the error stayed behind.
        if folder is not None:
            shutil.rmtree(folder.parent, ignore_errors=True)
        full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
        reason = f"cannot save the uploads ({exc.strerror or exc})"
        raise HTTPException(507 if full else 500, reason) from None
