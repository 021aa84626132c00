namespace Edge.Imaging.Assembly;

/// <summary>
/// A frame's place in the volume: slice index <see cref="Z"/>, and for a tilted stack the in-plane shift (in
/// pixels) that moves it onto the orthogonal grid: output(r, c) = input(r − ShiftRows, c − ShiftColumns).
/// </summary>
public readonly record struct PlannedSlice(FrameHeader Frame, int Z, double ShiftRows, double ShiftColumns)
{
    public bool IsShifted => ShiftRows != 0 || ShiftColumns != 0;
}
