# Oracle for DicomCharacterSetCorpusTests: every text element that uses Specific Character Set, in every
# dataset and nested sequence item of the given files, as (file, terms in effect, VR, raw bytes, pydicom's text).
# Run with Debian's /usr/bin/python3 (pydicom 2.3.1).
import json
import sys
import warnings

import pydicom
from pydicom.datadict import dictionary_VR
from pydicom.dataelem import RawDataElement

SCS_VRS = {"SH", "LO", "ST", "LT", "UT", "PN", "UC"}
warnings.simplefilter("ignore")
out = []


def terms_of(ds, inherited):
    if 0x00080005 not in ds._dict:
        return inherited
    value = ds[0x00080005].value
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if value is not None else []


def text_of(value):
    if isinstance(value, (list, pydicom.multival.MultiValue)):
        return "\\".join(text_of(v) for v in value)
    return "" if value is None else str(value)


def walk(path, ds, inherited, prefix=""):
    terms = terms_of(ds, inherited)
    for tag in sorted(ds._dict):
        raw = ds._dict[tag]
        vr = raw.VR if isinstance(raw, RawDataElement) else raw.VR
        if vr is None or vr == "UN":
            try:
                vr = dictionary_VR(tag)
            except KeyError:
                continue
        if vr == "SQ":
            for i, item in enumerate(ds[tag].value):
                walk(path, item, terms, f"{prefix}{tag:08X}[{i}]/")
            continue
        if vr not in SCS_VRS or not isinstance(raw, RawDataElement) or raw.value is None:
            continue
        decoded = ds[tag].value
        out.append({"file": path, "tag": f"{tag:08X}", "path": f"{prefix}{tag:08X}", "terms": terms, "vr": vr,
                    "raw": raw.value.hex(), "text": text_of(decoded)})


for path in sys.argv[1:]:
    try:
        ds = pydicom.dcmread(path, force=True)
        walk(path, ds, [])
    except Exception as exc:  # files pydicom itself cannot read are not part of the oracle
        print(f"skipped {path}: {exc}", file=sys.stderr)
print(json.dumps(out, ensure_ascii=False))
