"""Roster writes: people created, edited and imported by admins, photos stripped of metadata."""

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from evaluation.models import RatedPerson
from portal import spreadsheets
from portal.errors import DomainError
from portal.models import Department

PHOTO_DIR = "evaluation/photos"
# A county's roster of rated people is in the hundreds; the limits refuse a runaway sheet.
MAX_ROWS = 5_000
MAX_COLUMNS = 20
GENDERS = {
    "男": RatedPerson.Gender.MALE,
    "女": RatedPerson.Gender.FEMALE,
    "male": RatedPerson.Gender.MALE,
    "female": RatedPerson.Gender.FEMALE,
}


def photo_path(name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / PHOTO_DIR / name


def _store_photo(upload) -> str:
    """Re-encode an uploaded image as JPEG (drops EXIF and any payload); return its file name."""
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise DomainError(_("照片过大。"))
    try:
        with Image.open(upload) as image:
            image.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = image.convert("RGB")
            image.thumbnail((600, 800))
            name = f"{uuid.uuid4().hex}.jpg"
            target = photo_path(name)
            target.parent.mkdir(parents=True, exist_ok=True)
            image.save(target, "JPEG", quality=85)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise DomainError(_("照片不是可识别的图片。")) from None
    return name


def person_save(*, actor, person: RatedPerson, photo=None) -> RatedPerson:
    """Create or update a person on the roster (the form has validated the fields)."""
    with transaction.atomic():
        if photo is not None:
            person.photo = _store_photo(photo)
        person.save()
    return person


@dataclass
class ImportReport:
    created: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)


def roster_import(*, actor, upload) -> ImportReport:
    """Import people from CSV/XLSX: columns 姓名, 性别, 职务, 单位代码, 工作职责.

    All or nothing: any bad row and nothing is written; the report lists each bad row.
    """
    rows = spreadsheets.read_rows(upload, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS)
    report = ImportReport()
    if not rows:
        raise DomainError(_("文件是空的。"))
    units = {unit.code: unit for unit in Department.objects.all()}
    people = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        row = (row + [""] * 5)[:5]
        name, gender, position, unit_code, duties = row
        problems = []
        if not name:
            problems.append(_("缺少姓名"))
        if gender not in GENDERS:
            problems.append(_("性别应为“男”或“女”"))
        if not position:
            problems.append(_("缺少职务"))
        if unit_code not in units:
            problems.append(_("单位代码“%(code)s”不存在") % {"code": unit_code})
        if problems:
            report.errors.append((number, "；".join(problems)))
            continue
        people.append(
            RatedPerson(
                name=name[:40],
                gender=GENDERS[gender],
                position=position[:60],
                department=units[unit_code],
                responsibilities=duties,
            )
        )
    if report.errors:
        return report
    with transaction.atomic():
        for person in people:
            person.save()  # one by one so that history records each person
    report.created = len(people)
    return report
