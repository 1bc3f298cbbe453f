using RetroWalk.Clinical;

namespace RetroWalk.Scale;

/// <summary>
/// Names of the many languages a clinic's patients speak, with their diacritics, so that search folding and name
/// ordering work on realistic text. A family name that has a feminine form (Polish, Czech, Greek) is paired with
/// given names of that sex.
/// </summary>
internal static class SeedNames
{
    private static readonly (string Female, string Male)[] Family =
    [
        ("Wiśniewska", "Wiśniewski"), ("Kowalczyk", "Kowalczyk"), ("Zielińska", "Zieliński"), ("Nowak", "Nowak"),
        ("Dvořáková", "Dvořák"), ("Novotná", "Novotný"), ("Größmann", "Größmann"), ("Müller", "Müller"),
        ("Schäfer", "Schäfer"), ("Çağlayan", "Çağlayan"), ("Yılmaz", "Yılmaz"), ("Öztürk", "Öztürk"),
        ("Nguyễn", "Nguyễn"), ("Trần", "Trần"), ("Phạm", "Phạm"), ("Ó Briain", "Ó Briain"), ("Ní Bhriain", "Ó Briain"),
        ("Fernández", "Fernández"), ("Álvarez", "Álvarez"), ("García", "García"), ("Núñez", "Núñez"),
        ("Håkonsen", "Håkonsen"), ("Søndergaard", "Søndergaard"), ("Ångström", "Ångström"),
        ("Παπαδοπούλου", "Παπαδόπουλος"), ("Οικονόμου", "Οικονόμου"), ("Thompson", "Thompson"), ("Okafor", "Okafor"),
        ("Mensah", "Mensah"), ("Iyer", "Iyer"), ("Tanaka", "Tanaka"), ("Haddad", "Haddad"), ("O'Connor", "O'Connor"),
        ("de Vries", "de Vries"), ("Lund", "Lund"), ("Rossi", "Rossi"), ("Costa", "Costa"), ("Kim", "Kim"),
        ("Petrenko", "Petrenko"), ("Ngata", "Ngata"), ("Aziz", "Aziz"), ("Lefèvre", "Lefèvre"), ("Gonçalves", "Gonçalves"),
        ("Jovanović", "Jovanović"), ("Horváth", "Horváth"), ("Kovács", "Kovács"), ("Smith", "Smith"), ("Brown", "Brown"),
        ("Wilson", "Wilson"), ("Abernethy", "Abernethy"), ("Zając", "Zając"), ("Łukaszewska", "Łukaszewski"),
    ];

    private static readonly string[] FemaleGiven =
    [
        "Łucja", "Zofia", "Małgorzata", "Ewa", "Anežka", "Jana", "Gerlinde", "Gisela", "Şükran", "Ayşe", "Hồng", "Ánh", "Siobhán",
        "Aoife", "Inés", "María José", "Ingrid", "Åsa", "Ελένη", "Μαρία", "Margaret", "Amara", "Yuki", "Fatima", "Olga",
        "Aroha", "Sofia", "Grace", "Mei", "Zoë", "Chloé", "Renée", "Noémie", "Dorottya", "Milica",
    ];

    private static readonly string[] MaleGiven =
    [
        "Jerzy", "Paweł", "Tomasz", "Bjørn", "Jiří", "Tomáš", "Jürgen", "Björn", "Şükrü", "Emre", "Dũng", "Quốc Anh", "Seán",
        "Pádraig", "José", "Diego", "Håkon", "Αλέξανδρος", "Νίκος", "Harold", "Kwame", "Rajesh", "Liam", "Pieter", "Henrik",
        "Mateus", "Tariq", "François", "Jérôme", "Zoltán", "Miloš", "Ngaio", "André", "Søren", "Óscar",
    ];

    public static (string Given, string Family, Sex Sex) Pick(Random random)
    {
        var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
        var (female, male) = Family[random.Next(Family.Length)];
        return sex == Sex.Female
            ? (FemaleGiven[random.Next(FemaleGiven.Length)], female, sex)
            : (MaleGiven[random.Next(MaleGiven.Length)], male, sex);
    }
}
