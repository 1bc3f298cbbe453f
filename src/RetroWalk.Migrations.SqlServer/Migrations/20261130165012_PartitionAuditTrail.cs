using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetroWalk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PartitionAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The key as the model has it. SQL Server keeps the trail in one table: monthly partitions and their
            // archiving are built for PostgreSQL only (SQL Server's need a partition function and scheme).
            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                columns: new[] { "Id", "At" });

            migrationBuilder.CreateTable(
                name: "AuditArchiveMonths",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    MonthStart = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Rows = table.Column<long>(type: "bigint", nullable: false),
                    FileSha256 = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ArchivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RestoredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditArchiveMonths", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditArchiveLinks",
                columns: table => new
                {
                    Chain = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ArchiveMonthId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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

            migrationBuilder.DropPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries");

            migrationBuilder.AddPrimaryKey(
                name: "PK_AuditEntries",
                table: "AuditEntries",
                column: "Id");
        }
    }
}
