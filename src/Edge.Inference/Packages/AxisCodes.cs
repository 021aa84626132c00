namespace Edge.Inference.Packages;

/// <summary>
/// Three-letter orientation codes in the ITK/DICOM sense: the letters give the patient direction in which the array's
/// x, y and z indices increase, e.g. "LPS" (x → left, y → posterior, z → superior).
/// </summary>
public static class AxisCodes
{
    public static bool IsValid(string code)
    {
        if (code.Length != 3)
        {
            return false;
        }

        int seen = 0;
        foreach (char c in code)
        {
            int axis = PatientAxis(c);
            if (axis < 0 || (seen & (1 << axis)) != 0)
            {
                return false;
            }

            seen |= 1 << axis;
        }

        return true;
    }

    /// <summary>The LPS patient axis (0 = x, 1 = y, 2 = z) a letter refers to, or −1.</summary>
    public static int PatientAxis(char letter) => letter switch
    {
        'L' or 'R' => 0,
        'P' or 'A' => 1,
        'S' or 'I' => 2,
        _ => -1,
    };

    /// <summary>+1 when the letter points along the LPS axis (L, P, S), −1 when against it (R, A, I).</summary>
    public static int Sign(char letter) => letter is 'L' or 'P' or 'S' ? 1 : -1;
}
