using System;
using Microsoft.EntityFrameworkCore.Migrations;
using RetroWalk.Web.Data.Providers;

#nullable disable

namespace RetroWalk.Migrations.PostgreSQL.Migrations
{
    /// <inheritdoc />
    public partial class PartitionAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The key ("Id", "At") comes with the partitioned table (see PostgreSqlProvider.PartitionAuditEntries).
            migrationBuilder.Sql(PostgreSqlProvider.PartitionAuditEntries);

            migrationBuilder.CreateTable(
                name: "AuditArchiveMonths",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MonthStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RestoredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditArchiveMonths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditArchiveLinks",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ArchiveMonthId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditArchiveLinks", x => new { x.Chain, x.Sequence });
                    table.ForeignKey(
                        name: "FK_AuditArchiveLinks_AuditArchiveMonths_ArchiveMonthId",
                        column: x => x.ArchiveMonthId,
                        principalTable: "AuditArchiveMonths",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditArchiveLinks_ArchiveMonthId",
                table: "AuditArchiveLinks",
                column: "ArchiveMonthId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditArchiveMonths_MonthStart",
                table: "AuditArchiveMonths",
                column: "MonthStart",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditArchiveLinks");

            migrationBuilder.DropTable(
                name: "AuditArchiveMonths");

            migrationBuilder.Sql(PostgreSqlProvider.UnpartitionAuditEntries);
        }
    }
}
