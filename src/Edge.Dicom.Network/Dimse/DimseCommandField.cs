namespace Edge.Dicom.Network.Dimse;

/// <summary>(0000,0100) Command Field values (PS3.7 §9.3, §10.3); responses set bit 15.</summary>
public enum DimseCommandField : ushort
{
    CStoreRequest = 0x0001,
    CGetRequest = 0x0010,
    CFindRequest = 0x0020,
    CMoveRequest = 0x0021,
    CEchoRequest = 0x0030,
    NEventReportRequest = 0x0100,
    NGetRequest = 0x0110,
    NSetRequest = 0x0120,
    NActionRequest = 0x0130,
    NCreateRequest = 0x0140,
    NDeleteRequest = 0x0150,
    CCancelRequest = 0x0FFF,
    CStoreResponse = 0x8001,
    CGetResponse = 0x8010,
    CFindResponse = 0x8020,
    CMoveResponse = 0x8021,
    CEchoResponse = 0x8030,
}
