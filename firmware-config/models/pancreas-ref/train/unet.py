"""A small nnU-Net-style 3D U-Net: (conv3-InstanceNorm-LeakyReLU) x2 per stage, strided-conv downsampling,
transposed-conv upsampling with skip concatenation, 1x1x1 head producing raw logits."""
import torch
from torch import nn


def _conv_block(cin, cout, stride):
    return nn.Sequential(
        nn.Conv3d(cin, cout, 3, stride, 1),
        nn.InstanceNorm3d(cout, affine=True),
        nn.LeakyReLU(0.01, inplace=True),
        nn.Conv3d(cout, cout, 3, 1, 1),
        nn.InstanceNorm3d(cout, affine=True),
        nn.LeakyReLU(0.01, inplace=True),
    )


class UNet3D(nn.Module):
    def __init__(self, in_channels=1, classes=3, base=8, levels=4):
        super().__init__()
        widths = [base * 2 ** i for i in range(levels)]
        self.encoders = nn.ModuleList()
        previous = in_channels
        for i, width in enumerate(widths):
            self.encoders.append(_conv_block(previous, width, 1 if i == 0 else 2))
            previous = width
        self.upsamplers = nn.ModuleList()
        self.decoders = nn.ModuleList()
        for i in range(levels - 1, 0, -1):
            self.upsamplers.append(nn.ConvTranspose3d(widths[i], widths[i - 1], 2, 2))
            self.decoders.append(_conv_block(2 * widths[i - 1], widths[i - 1], 1))
        self.head = nn.Conv3d(widths[0], classes, 1)
        self.divisor = 2 ** (levels - 1)

    def forward(self, x):
        skips = []
        for encoder in self.encoders:
            x = encoder(x)
            skips.append(x)
        x = skips.pop()
        for up, decoder in zip(self.upsamplers, self.decoders):
            x = decoder(torch.cat([up(x), skips.pop()], dim=1))
        return self.head(x)
