#!/usr/bin/python3
"""pydicom as the reference reader for Edge.Dicom's corpus tests.

Usage: pydicom_oracle.py FILE...   (prints one JSON object keyed by path)

For each file it reports pydicom's verdict and, when pydicom can parse the file at all, its DICOM JSON
(Dataset.to_json_dict) with every binary value inlined.

Verdict "reject" when:
  * dcmread(path) refuses the file (pydicom needs force=True for files without the DICM prefix); or
  * pydicom's own parse shows the file is truncated: a raw element whose value is shorter than the length its
    header declares, or pydicom's "End of file reached" warning. pydicom silently keeps the short value; the
    issue requires a clean error for truncated input, so these count as rejected by pydicom's own evidence.
Even for rejected files the JSON of a forced read is reported, so readers that accept more can be compared.
"""
import json
import sys
import warnings

import pydicom
from pydicom.dataelem import RawDataElement
from pydicom.errors import InvalidDicomError

UNDEFINED = 0xFFFFFFFF

# pydicom 2.x wraps DICOMDIRs in the deprecated DicomDir class, which parses the directory records eagerly and so
# hides raw-element evidence; pydicom 3 returns a plain FileDataset, which is what we use here too.
pydicom.filereader.DicomDir = pydicom.dataset.FileDataset


def truncation(ds):
    """The first raw element whose value is shorter than its declared length, or None."""
    for dataset in (getattr(ds, "file_meta", None), ds):
        if dataset is None:
            continue
        for tag, elem in dataset._dict.items():
            if isinstance(elem, RawDataElement) and elem.length != UNDEFINED and elem.value is not None:
                if len(elem.value) < elem.length:
                    return "(%04X,%04X) declares %d bytes, file holds %d" % (
                        tag >> 16, tag & 0xFFFF, elem.length, len(elem.value))
    return None


def examine(path):
    result = {"verdict": "read", "reason": None, "json": None, "transfer_syntax": None, "suppressed": []}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ds = None
        try:
            ds = pydicom.dcmread(path)
        except InvalidDicomError as e:
            result["verdict"] = "reject"
            result["reason"] = "dcmread refuses it without force=True: %s" % e
            try:
                ds = pydicom.dcmread(path, force=True)
            except Exception:  # noqa: BLE001 - the forced read is best effort
                ds = None
        except Exception as e:  # noqa: BLE001 - any failure is pydicom's verdict
            result["verdict"] = "reject"
            result["reason"] = "%s: %s" % (type(e).__name__, e)
        if ds is None:
            return result
        short = truncation(ds)
        if short and result["verdict"] == "read":
            result["verdict"] = "reject"
            result["reason"] = "truncated: " + short
        meta = getattr(ds, "file_meta", None)
        if meta is not None and "TransferSyntaxUID" in meta:
            result["transfer_syntax"] = str(meta.TransferSyntaxUID)
        try:
            j = ds.to_json_dict(bulk_data_threshold=1 << 62, suppress_invalid_tags=True)
            result["json"] = j
            result["suppressed"] = ["%08X" % int(t) for t in ds.keys() if "%08X" % int(t) not in j]
        except Exception as e:  # noqa: BLE001
            result["json_error"] = "%s: %s" % (type(e).__name__, e)
    eof = [str(w.message) for w in caught if "End of file" in str(w.message)]
    if eof and result["verdict"] == "read":
        result["verdict"] = "reject"
        result["reason"] = "truncated: " + eof[0]
    return result


def main(paths):
    out = {}
    for p in paths:
        out[p] = examine(p)
    json.dump(out, sys.stdout, default=str)


if __name__ == "__main__":
    main(sys.argv[1:])
