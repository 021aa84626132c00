using System.Globalization;
using System.Runtime.InteropServices;
using Edge.Dicom;

namespace Edge.Imaging.Phantom;

/// <summary>
/// Writes a phantom as a CT Image Storage series, Explicit VR Little Endian, one file per slice named by instance
/// number, with the headers a scanner writes: patient and study, series, frame of reference, geometry, rescale,
/// equipment and acquisition. Slices are written in parallel.
/// </summary>
public static class PhantomDicomWriter
{
    private static readonly string[] Kernels = ["STANDARD", "B30f", "FC08", "SOFT", "Br40"];

    /// <summary>Writes the files into <paramref name="directory"/> (created if needed); returns the UIDs used.</summary>
    public static (string StudyInstanceUid, string SeriesInstanceUid) Write(
        PhantomVolume phantom, string directory, PhantomDicomOptions? options = null, IProgress<int>? filesDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(phantom);
        ArgumentNullException.ThrowIfNull(directory);
        options ??= new PhantomDicomOptions();
        Directory.CreateDirectory(directory);
        string study = options.StudyInstanceUid ?? DicomUidFactory.New();
        string series = options.SeriesInstanceUid ?? DicomUidFactory.New();
        DicomDataset template = SeriesTemplate(phantom, options, study, series, DicomUidFactory.New());
        int depth = phantom.Geometry.Depth, done = 0;
        Parallel.For(0, depth, new ParallelOptions { CancellationToken = cancellationToken }, z =>
        {
            // Head first: numbered from the top down, as a cranio-caudal scan acquires; feet first: from the bottom up.
            int instance = options.PatientPosition == PatientPosition.HFS ? depth - z : z + 1;
            DicomDataset slice = SliceDataset(phantom, template, options.Encoding, z, instance);
            string sop = slice.GetString(DicomTags.SOPInstanceUID)!;
            DicomDataset meta = DicomWriter.CreateFileMetaInformation(DicomUids.CTImageStorage, sop, DicomTransferSyntax.ExplicitVRLittleEndian, "EDGEPHANTOM");
            string path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"IM{instance:D6}.dcm"));
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                DicomWriter.WritePart10(stream, meta, slice, DicomTransferSyntax.ExplicitVRLittleEndian);
            }

            filesDone?.Report(Interlocked.Increment(ref done));
        });

        return (study, series);
    }

    private static DicomDataset SeriesTemplate(PhantomVolume phantom, PhantomDicomOptions options, string study, string series, string frameOfReference)
    {
        PhantomScan scan = phantom.Scan;
        var random = new PhantomRandom(scan.Seed ^ 0x5EED);
        DateTime when = options.AcquisitionTime ?? DateTime.Now;
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, "ISO_IR 100");
        ds.AddOrUpdate(DicomTags.ImageType, DicomVR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, DicomUids.CTImageStorage);
        foreach (DicomTag date in new[] { DicomTags.StudyDate, DicomTags.SeriesDate, DicomTags.AcquisitionDate, DicomTags.ContentDate })
        {
            ds.SetDate(date, DateOnly.FromDateTime(when));
        }

        foreach (DicomTag time in new[] { DicomTags.StudyTime, DicomTags.SeriesTime, DicomTags.AcquisitionTime, DicomTags.ContentTime })
        {
            ds.SetTime(time, TimeOnly.FromDateTime(when), DicomDateTimePrecision.Second);
        }

        string seed = scan.Seed.ToString(CultureInfo.InvariantCulture);
        ds.AddOrUpdate(DicomTags.AccessionNumber, DicomVR.SH, "PHANTOM" + seed);
        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, "CT");
        ds.AddOrUpdate(DicomTags.Manufacturer, DicomVR.LO, "Edge Synthetic");
        ds.AddOrUpdate(DicomTags.InstitutionName, DicomVR.LO, "Synthetic Phantom (not a patient)");
        ds.AddOrUpdate(DicomTags.ReferringPhysicianName, DicomVR.PN, string.Empty);
        ds.AddOrUpdate(DicomTags.StationName, DicomVR.SH, "EDGEPHANTOM");
        ds.AddOrUpdate(DicomTags.StudyDescription, DicomVR.LO, "CT ABDOMEN WO CONTRAST (SYNTHETIC)");
        ds.AddOrUpdate(DicomTags.SeriesDescription, DicomVR.LO, string.Create(CultureInfo.InvariantCulture, $"Abdomen {scan.SliceThicknessMm:0.##}mm phantom seed {seed}"));
        ds.AddOrUpdate(DicomTags.ManufacturerModelName, DicomVR.LO, "Edge Phantom");
        ds.AddOrUpdate(DicomTags.PatientName, DicomVR.PN, options.PatientName ?? "PHANTOM^SYNTHETIC^SEED" + seed);
        ds.AddOrUpdate(DicomTags.PatientID, DicomVR.LO, options.PatientId ?? "EDGE-PHANTOM-" + seed);
        ds.AddOrUpdate(DicomTags.PatientBirthDate, DicomVR.DA, "19700101");
        ds.AddOrUpdate(DicomTags.PatientSex, DicomVR.CS, random.Chance(0.5) ? "F" : "M");
        ds.AddOrUpdate(DicomTags.PatientAge, DicomVR.AS, string.Create(CultureInfo.InvariantCulture, $"{random.Int(40, 86):D3}Y"));
        ds.AddOrUpdate(DicomTags.BodyPartExamined, DicomVR.CS, "ABDOMEN");
        ds.SetDecimalString(DicomTags.SliceThickness, scan.SliceThicknessMm);
        ds.SetDecimalString(DicomTags.KVP, random.Pick([100.0, 120.0, 120.0, 140.0]));
        ds.AddOrUpdate(DicomTags.DeviceSerialNumber, DicomVR.LO, "SYNTHETIC");
        ds.AddOrUpdate(DicomTags.SoftwareVersions, DicomVR.LO, PhantomGroundTruth.CurrentGenerator);
        ds.SetDecimalString(DicomTags.ReconstructionDiameter, Math.Round(scan.PixelSpacingMm * scan.Size, 2));
        ds.SetDecimalString(DicomTags.GantryDetectorTilt, 0);
        ds.SetDecimalString(DicomTags.TableHeight, Math.Round(random.Uniform(140, 180), 1));
        ds.AddOrUpdate(DicomTags.RotationDirection, DicomVR.CS, "CW");
        ds.SetIntegerString(DicomTags.XRayTubeCurrent, random.Int(80, 400));
        ds.AddOrUpdate(DicomTags.ConvolutionKernel, DicomVR.SH, random.Pick(Kernels));
        ds.AddOrUpdate(DicomTags.PatientPosition, DicomVR.CS, options.PatientPosition.ToString());
        ds.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, study);
        ds.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, series);
        ds.AddOrUpdate(DicomTags.StudyID, DicomVR.SH, "1");
        ds.SetIntegerString(DicomTags.SeriesNumber, options.SeriesNumber);
        ds.SetIntegerString(DicomTags.AcquisitionNumber, 1);
        ds.SetDecimalString(DicomTags.ImageOrientationPatient, [.. phantom.Geometry.Direction.Take(6)]);
        ds.AddOrUpdate(DicomTags.FrameOfReferenceUID, DicomVR.UI, frameOfReference);
        ds.AddOrUpdate(DicomTags.PositionReferenceIndicator, DicomVR.LO, string.Empty);
        ds.SetUInt16(DicomTags.SamplesPerPixel, 1);
        ds.AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2");
        ds.SetUInt16(DicomTags.Rows, (ushort)phantom.Geometry.Height);
        ds.SetUInt16(DicomTags.Columns, (ushort)phantom.Geometry.Width);
        ds.SetDecimalString(DicomTags.PixelSpacing, phantom.Geometry.Spacing.Y, phantom.Geometry.Spacing.X);
        bool signed = options.Encoding == PixelEncoding.Signed;
        ds.SetUInt16(DicomTags.BitsAllocated, 16);
        ds.SetUInt16(DicomTags.BitsStored, signed ? (ushort)16 : (ushort)12);
        ds.SetUInt16(DicomTags.HighBit, signed ? (ushort)15 : (ushort)11);
        ds.SetUInt16(DicomTags.PixelRepresentation, signed ? (ushort)1 : (ushort)0);
        ds.SetDecimalString(DicomTags.WindowCenter, 40);
        ds.SetDecimalString(DicomTags.WindowWidth, 400);
        ds.SetDecimalString(DicomTags.RescaleIntercept, signed ? 0 : -1024);
        ds.SetDecimalString(DicomTags.RescaleSlope, 1);
        ds.AddOrUpdate(DicomTags.RescaleType, DicomVR.LO, "HU");
        return ds;
    }

    private static DicomDataset SliceDataset(PhantomVolume phantom, DicomDataset template, PixelEncoding encoding, int z, int instance)
    {
        DicomDataset ds = template.Clone();
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, DicomUidFactory.New());
        ds.SetIntegerString(DicomTags.InstanceNumber, instance);
        var position = phantom.Geometry.IndexToPatient(z, 0, 0);
        ds.SetDecimalString(DicomTags.ImagePositionPatient, Math.Round(position.X, 4), Math.Round(position.Y, 4), Math.Round(position.Z, 4));
        ds.SetDecimalString(DicomTags.SliceLocation, Math.Round(position.Z, 4));
        ReadOnlySpan<short> hu = phantom.GetSlice(z);
        var pixels = new byte[hu.Length * 2];
        if (encoding == PixelEncoding.Signed)
        {
            MemoryMarshal.AsBytes(hu).CopyTo(pixels);
        }
        else
        {
            Span<ushort> stored = MemoryMarshal.Cast<byte, ushort>(pixels.AsSpan());
            for (int i = 0; i < hu.Length; i++)
            {
                stored[i] = (ushort)(hu[i] + 1024);
            }
        }

        ds.AddOrUpdate(DicomTags.PixelData, DicomVR.OW, pixels);
        return ds;
    }
}
