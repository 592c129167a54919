"""HR tooling: profile collections and queries, comparison, gap analysis, migration between e-CF versions."""

from __future__ import annotations

from skillprofiles.hr.assessment import Assessment, AssessmentError, assessment_schema, load_assessment
from skillprofiles.hr.collection import (
    AmbiguousCompetenceError,
    LoadFailure,
    Matrix,
    Member,
    ProfileCollection,
)
from skillprofiles.hr.compare import Comparison, SharedCompetence, compare
from skillprofiles.hr.ecf import CompetenceId
from skillprofiles.hr.gap import CompetenceGap, GapReport, LanguageGap, Status, gap
from skillprofiles.hr.migration import Change, MigrationItem, MigrationReport, migration_report
from skillprofiles.hr.rank import Lack, Ranked, Ranker, TeamView, rank, team
from skillprofiles.hr.versions import MappingError, VersionMapping, VersionMismatchError, load_mapping

__all__ = [
    "AmbiguousCompetenceError",
    "Assessment",
    "AssessmentError",
    "Change",
    "Comparison",
    "CompetenceGap",
    "CompetenceId",
    "GapReport",
    "Lack",
    "LanguageGap",
    "LoadFailure",
    "MappingError",
    "Matrix",
    "Member",
    "MigrationItem",
    "MigrationReport",
    "ProfileCollection",
    "Ranked",
    "Ranker",
    "SharedCompetence",
    "Status",
    "TeamView",
    "VersionMapping",
    "VersionMismatchError",
    "assessment_schema",
    "compare",
    "gap",
    "load_assessment",
    "load_mapping",
    "migration_report",
    "rank",
    "team",
]
