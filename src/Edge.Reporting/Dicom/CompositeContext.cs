using System.Globalization;
using System.Reflection;
using Edge.Dicom;

namespace Edge.Reporting.Dicom;

/// <summary>
/// The modules every result object shares: SOP Common, Patient, General Study and Patient Study (copied from the
/// source so the object files into the same patient and study), General Series (a new series), General and Enhanced
/// General Equipment (Edge), and the Contributing Equipment Sequence naming the model (IHE AI Results).
/// </summary>
internal sealed class CompositeContext
{
    public const string Manufacturer = "Edge";
    public const string ModelName = "Edge CT screening appliance";

    // Patient (C.7.1.1), General Study (C.7.2.1) and Patient Study (C.7.2.2) attributes taken over from the source.
    private static readonly DicomTag[] CopiedTags =
    [
        DicomTags.PatientName, DicomTags.PatientID, DicomTags.IssuerOfPatientID, DicomTags.IssuerOfPatientIDQualifiersSequence,
        DicomTags.PatientBirthDate, DicomTags.PatientSex, DicomTags.OtherPatientIDsSequence, DicomTags.PatientIdentityRemoved,
        DicomTags.DeidentificationMethod,
        DicomTags.StudyInstanceUID, DicomTags.StudyDate, DicomTags.StudyTime, DicomTags.ReferringPhysicianName,
        DicomTags.StudyID, DicomTags.AccessionNumber, DicomTags.IssuerOfAccessionNumberSequence, DicomTags.StudyDescription,
        DicomTags.PatientAge, DicomTags.PatientSize, DicomTags.PatientWeight,
    ];

    // Type 2 attributes of those modules: present even when the source lacks them.
    private static readonly (DicomTag Tag, DicomVR VR)[] RequiredEmpty =
    [
        (DicomTags.PatientName, DicomVR.PN), (DicomTags.PatientID, DicomVR.LO), (DicomTags.PatientBirthDate, DicomVR.DA),
        (DicomTags.PatientSex, DicomVR.CS), (DicomTags.StudyDate, DicomVR.DA), (DicomTags.StudyTime, DicomVR.TM),
        (DicomTags.ReferringPhysicianName, DicomVR.PN), (DicomTags.StudyID, DicomVR.SH), (DicomTags.AccessionNumber, DicomVR.SH),
    ];

    private readonly ResultReportRequest _request;
    private readonly ReportingOptions _options;

    public CompositeContext(ResultReportRequest request, ReportingOptions options)
    {
        _request = request;
        _options = options;
        Uids = new ResultUids(request.UidSeed);
    }

    public ResultUids Uids { get; }

    public Sources.SourceSeries Source => _request.Source;

    public DateTime ContentTime => _request.CreatedAt.DateTime;

    public static string EdgeVersion { get; } =
        typeof(CompositeContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    public string SoftwareVersion => EdgeVersion;

    /// <summary>A new object in a new series of the source's study.</summary>
    public DicomDataset Create(string sopClassUid, string sopInstanceUid, string modality, string seriesInstanceUid, int seriesNumberOffset, string seriesDescription, int instanceNumber)
    {
        var ds = new DicomDataset();
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, DicomVR.CS, DicomText.CharacterSet);
        ds.AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, sopClassUid);
        ds.AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, sopInstanceUid);
        ds.SetDate(DicomTags.InstanceCreationDate, DateOnly.FromDateTime(ContentTime));
        ds.SetTime(DicomTags.InstanceCreationTime, TimeOnly.FromDateTime(ContentTime), Edge.Dicom.DicomDateTimePrecision.Second);
        ds.AddOrUpdate(DicomTags.TimezoneOffsetFromUTC, DicomVR.SH, FormatOffset(_request.CreatedAt.Offset));

        DicomDataset source = _request.Source.Header;
        foreach (DicomTag tag in CopiedTags)
        {
            DatasetTranscoder.Copy(source, ds, tag);
        }

        foreach ((DicomTag tag, DicomVR vr) in RequiredEmpty)
        {
            if (!ds.Contains(tag))
            {
                DicomText.SetEmpty(ds, tag, vr);
            }
        }

        ds.AddOrUpdate(DicomTags.Modality, DicomVR.CS, modality);
        ds.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, seriesInstanceUid);
        ds.SetIntegerString(DicomTags.SeriesNumber, _options.SeriesNumberBase + seriesNumberOffset);
        ds.SetDate(DicomTags.SeriesDate, DateOnly.FromDateTime(ContentTime));
        ds.SetTime(DicomTags.SeriesTime, TimeOnly.FromDateTime(ContentTime), Edge.Dicom.DicomDateTimePrecision.Second);
        DicomText.Set(ds, DicomTags.SeriesDescription, DicomVR.LO, seriesDescription);
        ds.SetIntegerString(DicomTags.InstanceNumber, instanceNumber);
        ds.SetDate(DicomTags.ContentDate, DateOnly.FromDateTime(ContentTime));
        ds.SetTime(DicomTags.ContentTime, TimeOnly.FromDateTime(ContentTime), Edge.Dicom.DicomDateTimePrecision.Second);

        DicomText.Set(ds, DicomTags.Manufacturer, DicomVR.LO, Manufacturer);
        if (_options.InstitutionName is { Length: > 0 } institution)
        {
            DicomText.Set(ds, DicomTags.InstitutionName, DicomVR.LO, institution);
        }

        DicomText.Set(ds, DicomTags.ManufacturerModelName, DicomVR.LO, ModelName);
        DicomText.Set(ds, DicomTags.DeviceSerialNumber, DicomVR.LO, _options.DeviceId);
        DicomText.Set(ds, DicomTags.SoftwareVersions, DicomVR.LO, SoftwareVersion);
        ds.SetSequence(DicomTags.ContributingEquipmentSequence, ContributingEquipment());
        return ds;
    }

    /// <summary>The model as processing equipment (PS3.3 C.12.1.1.5; IHE AI Results): who made this object, and with what.</summary>
    private DicomDataset ContributingEquipment()
    {
        AlgorithmDescription algorithm = _request.Algorithm;
        var item = new DicomDataset();
        DicomText.Set(item, DicomTags.Manufacturer, DicomVR.LO, Manufacturer);
        if (_options.InstitutionName is { Length: > 0 } institution)
        {
            DicomText.Set(item, DicomTags.InstitutionName, DicomVR.LO, institution);
        }

        DicomText.Set(item, DicomTags.ManufacturerModelName, DicomVR.LO, algorithm.Name);
        DicomText.Set(item, DicomTags.DeviceSerialNumber, DicomVR.LO, _options.DeviceId);
        DicomText.Set(item, DicomTags.SoftwareVersions, DicomVR.LO, MultiValue(algorithm.Id + " " + algorithm.Version, "Edge " + SoftwareVersion));
        CodeItems.Set(item, DicomTags.PurposeOfReferenceCodeSequence, ReportingCodes.ProcessingEquipment);
        item.SetDateTime(DicomTags.ContributionDateTime, ContentTime, _request.CreatedAt.Offset);
        DicomText.Set(item, DicomTags.ContributionDescription, DicomVR.ST,
            $"AI model {algorithm.Id} {algorithm.Version} (SHA-256 {algorithm.Sha256}) analysed series {_request.Source.SeriesInstanceUid}");
        return item;
    }

    /// <summary>A hierarchical reference to every source instance (PS3.3 Table C.17-3, Hierarchical SOP Instance Reference Macro).</summary>
    public DicomDataset SourceStudyReference()
    {
        var series = new DicomDataset();
        series.AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, _request.Source.SeriesInstanceUid);
        series.SetSequence(DicomTags.ReferencedSOPSequence, [.. _request.Source.Instances.Select(i => ReferenceItems.Sop(i.SopClassUid, i.SopInstanceUid))]);
        var study = new DicomDataset();
        study.AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, _request.Source.StudyInstanceUid);
        study.SetSequence(DicomTags.ReferencedSeriesSequence, series);
        return study;
    }

    /// <summary>Joins values with the DICOM value separator, replacing any separator inside a value.</summary>
    public static string MultiValue(params string[] values) => string.Join('\\', values.Select(v => v.Replace('\\', '/')));

    private static string FormatOffset(TimeSpan offset) => string.Create(CultureInfo.InvariantCulture,
        $"{(offset < TimeSpan.Zero ? '-' : '+')}{Math.Abs(offset.Hours):00}{Math.Abs(offset.Minutes):00}");
}
