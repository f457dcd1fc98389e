namespace Briefingbot.Storage.Migrations;

/// <summary>One versioned schema change. Applied once, in version order, inside a transaction, recorded in schema_migrations.</summary>
public sealed record Migration(int Version, string Name, string Sql);
