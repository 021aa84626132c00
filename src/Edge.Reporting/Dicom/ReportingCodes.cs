using Edge.Inference.Packages;

namespace Edge.Reporting.Dicom;

/// <summary>
/// The coded concepts Edge's result objects use, all from standard schemes: DCM (PS3.16 Annex D), SNOMED CT (SCT),
/// UCUM units and UMLS. No private codes, so any PACS or viewer can interpret every item.
/// </summary>
public static class ReportingCodes
{
    // Document structure (TID 1500, 1600, 1411, 1501, 4019).
    public static CodedConcept ImagingMeasurementReport { get; } = new("DCM", "126000", "Imaging Measurement Report");
    public static CodedConcept ImagingMeasurements { get; } = new("DCM", "126010", "Imaging Measurements");
    public static CodedConcept QualitativeEvaluations { get; } = new("UMLS", "C0034375", "Qualitative Evaluations");
    public static CodedConcept MeasurementGroup { get; } = new("DCM", "125007", "Measurement Group");
    public static CodedConcept ImageLibrary { get; } = new("DCM", "111028", "Image Library");
    public static CodedConcept ImageLibraryGroup { get; } = new("DCM", "126200", "Image Library Group");
    public static CodedConcept LanguageOfContent { get; } = new("DCM", "121049", "Language of Content Item and Descendants");
    public static CodedConcept English { get; } = new("RFC5646", "en", "English");
    public static CodedConcept ProcedureReported { get; } = new("DCM", "121058", "Procedure reported");
    public static CodedConcept ComputedTomographyProcedure { get; } = new("SCT", "77477000", "Computerized axial tomography");
    public static CodedConcept Modality { get; } = new("DCM", "121139", "Modality");
    public static CodedConcept ComputedTomography { get; } = new("DCM", "CT", "Computed Tomography");
    public static CodedConcept FrameOfReferenceUid { get; } = new("DCM", "112227", "Frame of Reference UID");

    // Observation context (TID 1001, 1004).
    public static CodedConcept ObserverType { get; } = new("DCM", "121005", "Observer Type");
    public static CodedConcept Device { get; } = new("DCM", "121007", "Device");
    public static CodedConcept DeviceObserverUid { get; } = new("DCM", "121012", "Device Observer UID");
    public static CodedConcept DeviceObserverName { get; } = new("DCM", "121013", "Device Observer Name");
    public static CodedConcept DeviceObserverManufacturer { get; } = new("DCM", "121014", "Device Observer Manufacturer");
    public static CodedConcept DeviceObserverModelName { get; } = new("DCM", "121015", "Device Observer Model Name");
    public static CodedConcept DeviceObserverSerialNumber { get; } = new("DCM", "121016", "Device Observer Serial Number");

    // Algorithm identification (TID 4019).
    public static CodedConcept AlgorithmName { get; } = new("DCM", "111001", "Algorithm Name");
    public static CodedConcept AlgorithmVersion { get; } = new("DCM", "111003", "Algorithm Version");
    public static CodedConcept AlgorithmParameters { get; } = new("DCM", "111002", "Algorithm Parameters");

    // Measurement groups (TID 1411, 1419, 300).
    public static CodedConcept TrackingIdentifier { get; } = new("DCM", "112039", "Tracking Identifier");
    public static CodedConcept TrackingUniqueIdentifier { get; } = new("DCM", "112040", "Tracking Unique Identifier");
    public static CodedConcept Finding { get; } = new("DCM", "121071", "Finding");
    public static CodedConcept FindingSite { get; } = new("SCT", "363698007", "Finding Site");
    public static CodedConcept ReferencedSegment { get; } = new("DCM", "121191", "Referenced Segment");
    public static CodedConcept SourceSeriesForSegmentation { get; } = new("DCM", "121232", "Source series for segmentation");
    public static CodedConcept MeasurementMethod { get; } = new("SCT", "370129005", "Measurement Method");
    public static CodedConcept SumOfSegmentedVoxelVolumes { get; } = new("DCM", "126030", "Sum of segmented voxel volumes");
    public static CodedConcept Derivation { get; } = new("DCM", "121401", "Derivation");
    public static CodedConcept Maximum { get; } = new("SCT", "56851009", "Maximum");
    public static CodedConcept Mean { get; } = new("SCT", "373098007", "Mean");
    public static CodedConcept Volume { get; } = new("SCT", "118565006", "Volume");
    public static CodedConcept Diameter { get; } = new("SCT", "81827009", "Diameter");
    public static CodedConcept ProbabilityOfCancer { get; } = new("DCM", "111047", "Probability of cancer");
    public static CodedConcept Center { get; } = new("DCM", "111010", "Center");
    public static CodedConcept Comment { get; } = new("DCM", "121106", "Comment");

    // CAD Processing and Findings Summary (CID 6047).
    public static CodedConcept CadProcessingAndFindingsSummary { get; } = new("DCM", "111017", "CAD Processing and Findings Summary");
    public static CodedConcept AllSucceededWithFindings { get; } = new("DCM", "111242", "All algorithms succeeded; with findings");
    public static CodedConcept AllSucceededWithoutFindings { get; } = new("DCM", "111241", "All algorithms succeeded; without findings");
    public static CodedConcept NoneSucceeded { get; } = new("DCM", "111245", "No algorithms succeeded; without findings");

    // Anatomy and segment properties (CID 7150, 7151, 7159).
    public static CodedConcept AnatomicalStructure { get; } = new("SCT", "123037004", "Anatomical Structure");
    public static CodedConcept MorphologicallyAlteredStructure { get; } = new("SCT", "49755003", "Morphologically Altered Structure");
    public static CodedConcept Pancreas { get; } = new("SCT", "15776009", "Pancreas");
    public static CodedConcept Lesion { get; } = new("SCT", "52988006", "Lesion");
    public static CodedConcept HeadOfPancreas { get; } = new("SCT", "64163001", "Head of pancreas");
    public static CodedConcept BodyOfPancreas { get; } = new("SCT", "40133006", "Body of pancreas");
    public static CodedConcept TailOfPancreas { get; } = new("SCT", "73239005", "Tail of pancreas");

    // Units (UCUM).
    public static CodedConcept Milliliter { get; } = new("UCUM", "ml", "milliliter");
    public static CodedConcept Millimeter { get; } = new("UCUM", "mm", "millimeter");
    public static CodedConcept Probability { get; } = new("UCUM", "{probability}", "probability");

    // Equipment and derivation (CID 7005, 7202, 7203).
    public static CodedConcept ProcessingEquipment { get; } = new("DCM", "109102", "Processing Equipment");
    public static CodedConcept Segmentation { get; } = new("DCM", "113076", "Segmentation");
    public static CodedConcept SourceImageForProcessing { get; } = new("DCM", "121322", "Source image for image processing operation");

    // The screening decision: an impression valued as a screening test result (CID 250 Positive/Negative), "not
    // applicable" when the series was not eligible, "undetermined" when the analysis failed.
    public static CodedConcept Impression { get; } = new("DCM", "121073", "Impression");
    public static CodedConcept Positive { get; } = new("SCT", "10828004", "Positive");
    public static CodedConcept Negative { get; } = new("SCT", "260385009", "Negative");
    public static CodedConcept NotApplicable { get; } = new("SCT", "385432009", "Not applicable");
    public static CodedConcept Undetermined { get; } = new("SCT", "373068000", "Undetermined");

    /// <summary>The organ region a finding lies in, as the inference layer names it, for a pancreas model.</summary>
    public static CodedConcept? PancreasRegion(string? region) => region?.ToUpperInvariant() switch
    {
        "HEAD" => HeadOfPancreas,
        "BODY" => BodyOfPancreas,
        "TAIL" => TailOfPancreas,
        _ => null,
    };
}
