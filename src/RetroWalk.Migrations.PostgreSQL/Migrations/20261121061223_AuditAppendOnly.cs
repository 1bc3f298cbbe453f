using Microsoft.EntityFrameworkCore.Migrations;
using RetroWalk.Web.Data.Providers;

#nullable disable

namespace RetroWalk.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgreSqlProvider.CreateAuditAppendOnlyTrigger);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(PostgreSqlProvider.DropAuditAppendOnlyTrigger);
        }
    }
}
