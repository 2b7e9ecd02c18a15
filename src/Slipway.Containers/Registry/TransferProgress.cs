namespace Slipway.Containers.Registry;

/// <summary>How far a blob transfer has got.</summary>
public sealed record TransferProgress(string Repository, string Digest, TransferDirection Direction, long Bytes, long? Total);

/// <summary>Which way a blob moves.</summary>
public enum TransferDirection { Download, Upload }
