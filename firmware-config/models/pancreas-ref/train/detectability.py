"""Rose's detectability index of a training lesion, as Edge.Inference's LesionDetectability computes it for the eval
cohorts: d' = C / sigma_eff * sqrt(F * V_lesion / V_voxel), sigma_eff = sigma * 8/3 for the phantom's [1 2 1]/4 blur,
F the partial-volume factor through the slices. Training uses it to stop teaching the network lesions that are not in
the image (see config.IGNORE_LESIONS_BELOW)."""
import math

# The phantom's separable [1 2 1]/4 in-plane blur: (sum k)^2 / sum k^2 over the 2-D kernel.
NOISE_CORRELATION_GAIN = 8.0 / 3.0
RINGS = 2000


def partial_volume_factor(diameter_mm, thickness_mm, centre_offset_mm):
    """F = T * sum over slices of the integral of f^2 dA / V for a sphere cut by contiguous slices (f: the share of the
    slice thickness the sphere fills along a line through it); equal-area rings across the cross-section."""
    radius = diameter_mm / 2
    reach = int(math.ceil((radius + abs(centre_offset_mm)) / thickness_mm)) + 1
    total = 0.0
    for ring in range(RINGS):
        h = radius * math.sqrt(1 - (ring + 0.5) / RINGS)
        for k in range(-reach, reach + 1):
            centre = k * thickness_mm + centre_offset_mm
            overlap = min(h, centre + thickness_mm / 2) - max(-h, centre - thickness_mm / 2)
            if overlap > 0:
                total += (overlap / thickness_mm) ** 2
    return total * 3 * thickness_mm / (4 * radius * RINGS)


def index(contrast_hu, diameter_mm, noise_sigma_hu, pixel_spacing_mm, thickness_mm, centre_offset_mm):
    volume = math.pi / 6 * diameter_mm ** 3
    voxel = pixel_spacing_mm * pixel_spacing_mm * thickness_mm
    sigma = noise_sigma_hu * NOISE_CORRELATION_GAIN
    return contrast_hu / sigma * math.sqrt(partial_volume_factor(diameter_mm, thickness_mm, centre_offset_mm) * volume / voxel)
