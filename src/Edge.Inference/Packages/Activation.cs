namespace Edge.Inference.Packages;

public enum Activation
{
    Softmax,
    Sigmoid,
}
