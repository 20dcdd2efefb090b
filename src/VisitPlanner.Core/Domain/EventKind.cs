namespace VisitPlanner.Core.Domain;

/// <summary>What sort of activity an event is; drives CATEGORIES in feeds and which fields make sense.</summary>
public enum EventKind
{
    StudyTrip,
    TrainingLecture,
    DelegationVisit,
    Meeting,
    Inspection,
    Other,
}
