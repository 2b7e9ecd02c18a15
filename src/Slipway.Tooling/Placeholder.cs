namespace Slipway.Tooling;
