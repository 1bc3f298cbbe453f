using Microsoft.EntityFrameworkCore.Migrations;
using RetroWalk.Web.Data.Providers;

#nullable disable

namespace RetroWalk.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class CompactAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The stored form only: the values read back, and so every hash, stay the same (see the provider's text).
            migrationBuilder.Sql(PostgreSqlProvider.CompactAuditEntries);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgreSqlProvider.ExpandAuditEntries);
        }
    }
}
