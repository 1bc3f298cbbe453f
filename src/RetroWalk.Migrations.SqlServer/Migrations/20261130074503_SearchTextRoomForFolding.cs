using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RetroWalk.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SearchTextRoomForFolding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SearchText",
                table: "Patients",
                type: "nvarchar(2882)",
                maxLength: 2882,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(1922)",
                oldMaxLength: 1922);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "SearchText",
                table: "Patients",
                type: "nvarchar(1922)",
                maxLength: 1922,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(2882)",
                oldMaxLength: 2882);
        }
    }
}
