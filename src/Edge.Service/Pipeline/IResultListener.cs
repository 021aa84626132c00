namespace Edge.Service.Pipeline;

/// <summary>
/// Extension point after stage 6: each screened series (volume, series record and result) is offered to every
/// registered listener once the inference stage has handed its result to the summary stage. A listener that produces
/// something from it (DICOM SR, key images, SEG for the PACS) writes it to its own bounded channel and returns; awaiting
/// a full channel is the back-pressure that keeps volumes from piling up. Register it as a singleton
/// <see cref="IResultListener"/>. Failures are logged and never fail the screening result.
/// </summary>
public interface IResultListener
{
    ValueTask ResultReadyAsync(ScreenedSeries screened, CancellationToken cancellationToken);
}
