namespace Edge.Imaging.Phantom;

/// <summary>The x-dependent parts of the lobulation at one column: cos/sin of the travelling phases and the bulge.</summary>
internal readonly record struct LobulationPhase(double Cos1, double Sin1, double Cos2, double Sin2, double Bulge);
