"""What makes a generated file the same bytes build after build: one fixed date, and zips written with it.

Every file the build packs (the Anki deck, the exercises' zip, the wheel learners install) carries dates; the
real time of writing would change its bytes, and so its cache keys and the site's reproducibility test.
"""

import datetime
import zipfile
from pathlib import Path

FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
FIXED_EPOCH = int(FIXED_DATE.timestamp())  # 1_767_225_600, as SOURCE_DATE_EPOCH and genanki take it


def write_zip(path: Path, members: dict[str, bytes]) -> None:
    """A zip of {name: content}, deflated, every entry dated FIXED_DATE: the same files give the same bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
