using Hl7.Fhir.Model;
using RetroWalk.Clinical;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>A RetroWalk patient as a FHIR Patient: record number, name as written, sex, date of birth.</summary>
public static class PatientMapper
{
    public static FhirPatient Map(Patients.Patient patient) => new()
    {
        Id = patient.Id.ToString(),
        Identifier = [new Identifier(FhirCodes.RecordNumberSystem(patient.ClinicId), patient.RecordNumber) { Use = Identifier.IdentifierUse.Usual }],
        Active = patient.ArchivedAt is null,
        Name = [new HumanName { Use = HumanName.NameUse.Official, Family = patient.FamilyName, Given = [patient.GivenName], Text = patient.FullName }],
        Gender = patient.Sex switch
        {
            Sex.Female => AdministrativeGender.Female,
            Sex.Male => AdministrativeGender.Male,
            _ => AdministrativeGender.Other,
        },
        BirthDate = FhirCodes.Date(patient.DateOfBirth),
    };
}
