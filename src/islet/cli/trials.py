"""`islet trials ...`: thin Typer commands over islet.trials (no medical logic here).

Progress bars live here only; the core reports progress through a callback. Nothing a person
types (age, place, treatments) is written anywhere: it goes into one query and is gone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from islet.cli.output import (
    JsonOption,
    LangOption,
    console,
    errors,
    print_help_first,
    print_result,
    requested_language,
    text_language,
)
from islet.i18n import gettext_for, localize
from islet.language import Language

if TYPE_CHECKING:
    from islet.trials.importer import ImportReport
    from islet.trials.search import TrialDetail, TrialSearchResult

# The trial stack (httpx, SQLite, the ZIP table) is imported inside each command, so that other
# islet commands start without it. The same default as islet.trials.search (a test checks).
DEFAULT_RADIUS_MILES = 100.0

trials_app = typer.Typer(
    help=(
        "Find and screen ClinicalTrials.gov studies for pancreatic NETs.\n\n"
        "Fill the trial store with `islet trials update` (downloads from ClinicalTrials.gov) or "
        "`islet trials import FILE...` (saved API v2 files, offline); run `update` again to "
        "refresh it. Until records are imported, the web page and GET /api/v1/trials search "
        "ClinicalTrials.gov live ($ISLET_TRIALS_LIVE=0 turns that off)."
    ),
    no_args_is_help=True,
)

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="trial store file (default: $ISLET_TRIALS_DB or the user data dir)"),
]
NearOption = Annotated[
    str | None,
    typer.Option("--near", help="LAT,LON (e.g. 44.02,-92.47) or a US ZIP code to measure from"),
]
# its bounds are the core's (islet.trials.query.read_radius), read when the command runs
RadiusOption = Annotated[float, typer.Option("--radius", help="miles from --near")]
AgeOption = Annotated[float | None, typer.Option("--age", min=0, max=130)]
SexOption = Annotated[
    Literal["female", "male"] | None, typer.Option("--sex", help="female or male")
]


def _db(db: Path | None) -> Path:
    from islet.trials.store import default_db_path

    return db if db is not None else default_db_path()


@contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr while the block runs; yields the callback the core reports to."""
    with Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        console=errors,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _report(report: ImportReport) -> None:
    verb = "replaced the store with" if report.replaced else "added or updated"
    console.print(
        f"Imported: {verb} {report.imported} trial records "
        f"(snapshot {report.snapshot_date}); {report.total_in_store} in {report.db}.",
        highlight=False,
    )
    for skipped in report.skipped:
        errors.print(
            f"[yellow]skipped[/yellow] {skipped.source} #{skipped.index}"
            f"{' ' + skipped.nct_id if skipped.nct_id else ''}: {skipped.reason}",
            highlight=False,
        )


@trials_app.command("import")
def import_command(
    paths: Annotated[list[Path], typer.Argument(help="saved API v2 JSON files or folders")],
    db: DbOption = None,
    snapshot_date: Annotated[
        str | None, typer.Option("--snapshot-date", help="date the files were saved, YYYY-MM-DD")
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="replace every stored trial instead of merging")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Import saved ClinicalTrials.gov API v2 responses (offline); all or nothing."""
    from islet.trials.importer import import_files

    with _progress("Importing") as progress:
        report = import_files(
            paths, _db(db), snapshot_date=snapshot_date, replace=replace, progress=progress
        )
    print_result(report, as_json, _report)


@trials_app.command("update")
def update_command(
    db: DbOption = None,
    tumor_type: Annotated[
        str | None, typer.Option("--type", help="only this tumor type (default: all pNETs)")
    ] = None,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="only these statuses, e.g. recruiting")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Download pancreatic NET studies from ClinicalTrials.gov (live) as the new snapshot.

    $ISLET_CTGOV_API points it at another API v2 address (a mirror or a test server).
    """
    from islet.trials.client import CtgovClient
    from islet.trials.importer import update_from_registry
    from islet.trials.live import Registry
    from islet.trials.query import read_codes

    statuses = read_codes("status", status)
    with CtgovClient(Registry.from_env().base_url) as client, _progress("Saving") as progress:
        errors.print("Downloading from ClinicalTrials.gov (politely, about one page a second)…")
        report = update_from_registry(
            client, _db(db), tumor_type=tumor_type, statuses=statuses, progress=progress
        )
    print_result(report, as_json, _report)


@trials_app.command("search")
def search_command(
    tumor_type: Annotated[
        str | None, typer.Option("--type", help="a tumor type, e.g. insulinoma")
    ] = None,
    condition: Annotated[
        str | None, typer.Option("--condition", help="any other condition, as free text")
    ] = None,
    any_condition: Annotated[
        bool, typer.Option("--any-condition", help="every stored trial, not only pNET trials")
    ] = False,
    status: Annotated[
        list[str] | None, typer.Option("--status", help="recruiting, not-yet-recruiting, open…")
    ] = None,
    phase: Annotated[list[str] | None, typer.Option("--phase", help="1, 2, 3, 4, early-1")] = None,
    intervention_type: Annotated[
        list[str] | None, typer.Option("--intervention-type", help="drug, procedure, radiation…")
    ] = None,
    age: AgeOption = None,
    sex: SexOption = None,
    near: NearOption = None,
    radius: RadiusOption = DEFAULT_RADIUS_MILES,
    limit: Annotated[int, typer.Option("--limit", min=1, max=1000)] = 50,
    db: DbOption = None,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Search the stored trials by tumor type, status, phase, age, sex and distance.

    With --lang es Islet's own words are in Spanish; the records' texts stay as published.
    """
    from islet.trials.search import TrialQuery, search

    language = text_language(lang)
    query = TrialQuery.read(
        tumor_type=tumor_type,
        condition=condition,
        any_condition=any_condition,
        statuses=status,
        phases=phase,
        intervention_types=intervention_type,
        age=age,
        sex=sex,
        near=near,
        radius=radius,
        limit=limit,
    )
    result = localize(search(query, _db(db), requested_language(lang)), language)
    print_result(result, as_json, lambda result: _print_hits(result, language))


def _print_hits(result: TrialSearchResult, language: Language = "en") -> None:
    from islet.trials.codes import code_words, codes_words

    _ = gettext_for(language)
    print_help_first(result.safety)
    console.print(
        _("{total} of {searched} stored trials match (records as of {date}).").format(
            total=result.total,
            searched=result.searched,
            date=result.snapshot_date or _("an unknown date"),
        ),
        highlight=False,
    )
    if not result.hits:
        return
    table = Table(_("trial"), _("title"), _("status"), _("phase"), _("where"))
    for hit in result.hits:
        where = hit.location_summary
        site = hit.nearest_recruiting_site
        if site is not None and site.distance_miles is not None:
            place = ", ".join(p for p in (site.facility, site.city) if p)
            nearest = _("nearest recruiting: {place} ({miles} mi)")
            where += "\n" + nearest.format(place=place, miles=f"{site.distance_miles:g}")
        table.add_row(  # record texts are plain text, never Rich markup
            Text(hit.nct_id),
            Text(hit.title),
            code_words(hit.overall_status, language),
            codes_words(hit.phases, language),
            Text(where),
        )
    console.print(table)


@trials_app.command("show")
def show_command(
    nct_id: Annotated[str, typer.Argument(help="NCT number, e.g. NCT00510068")],
    age: AgeOption = None,
    sex: SexOption = None,
    tumor_type: Annotated[str | None, typer.Option("--type", help="your tumor type")] = None,
    grade: Annotated[int | None, typer.Option("--grade", min=1, max=3)] = None,
    ki67: Annotated[float | None, typer.Option("--ki67", min=0, max=100)] = None,
    men1: Annotated[
        bool | None, typer.Option("--men1/--no-men1", help="whether you have MEN1")
    ] = None,
    prior: Annotated[
        list[str] | None, typer.Option("--prior", help="a treatment you have had (repeatable)")
    ] = None,
    no_prior: Annotated[
        bool, typer.Option("--no-prior-treatment", help="you have had no treatment yet")
    ] = False,
    near: NearOption = None,
    radius: RadiusOption = DEFAULT_RADIUS_MILES,
    db: DbOption = None,
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Show one stored trial; with your facts, screen its criteria (pass / fail / undetermined).

    With --lang es Islet's own words are in Spanish; the record's texts stay as published.
    """
    from islet.errors import InvalidInput
    from islet.messages import N_
    from islet.trials.eligibility import PersonFacts
    from islet.trials.query import read_place, read_radius, read_tumor_type
    from islet.trials.search import show

    language = text_language(lang)
    if prior and no_prior:
        raise InvalidInput("prior", N_("use either --prior or --no-prior-treatment, not both"))
    person = PersonFacts.model_validate(
        {
            "age": age,
            "sex": sex,
            "tumor_type": read_tumor_type(tumor_type),
            "grade": grade,
            "ki67": ki67,
            "men1": men1,
            "prior_treatments": [] if no_prior else (prior or None),
        }
    )
    place, asked = read_place(near), requested_language(lang)
    detail = show(
        nct_id, _db(db), person=person, near=place, radius_miles=read_radius(radius), language=asked
    )
    detail = localize(detail, language)
    print_result(detail, as_json, lambda detail: _print_detail(detail, language))


def _print_detail(detail: TrialDetail, language: Language = "en") -> None:
    from islet.trials.codes import code_words, codes_words, outcome_words, sex_words

    _ = gettext_for(language)
    print_help_first(detail.safety)
    trial = detail.trial
    interventions = ", ".join(
        i.name + (f" ({code_words(i.type, language)})" if i.type else "")
        for i in trial.interventions
    )
    lines = [
        _("Status: {status}   Phase: {phases}   Sponsor: {sponsor}").format(
            status=code_words(trial.overall_status, language),
            phases=codes_words(trial.phases, language),
            sponsor=trial.sponsor or "-",
        ),
        _("Conditions: {conditions}").format(conditions=", ".join(trial.conditions) or "-"),
        _("Interventions: {interventions}").format(interventions=interventions or "-"),
        _("Takes: {ages}; {sex}").format(
            ages=detail.ages, sex=sex_words(trial.eligibility.sex, language)
        ),
        _("Where: {places}").format(places=detail.location_summary),
    ]
    for site in detail.sites[:10]:
        distance = (
            " — " + _("{miles} mi").format(miles=f"{site.distance_miles:g}")
            if site.distance_miles is not None
            else ""
        )
        flag = f" ({code_words('RECRUITING', language)})" if site.recruiting else ""
        place = ", ".join(p for p in (site.facility, site.city, site.country) if p)
        lines.append(f"  • {place}{flag}{distance}")
    lines.append(
        _("Record: {url} (as of {date})").format(url=detail.url, date=detail.snapshot_date)
    )
    console.print(Panel(Text("\n".join(lines)), title=Text(f"{trial.nct_id}: {trial.brief_title}")))
    if detail.screening is None:
        return
    colours = {"pass": "green", "fail": "red", "undetermined": "yellow"}
    heading = _("Screening")
    console.print(f"[bold]{heading}[/bold]: {escape(detail.screening.summary)}", highlight=True)
    width = max(len(outcome_words(outcome, language)) for outcome in colours)
    for check in detail.screening.checks:
        colour, said = colours[check.outcome], outcome_words(check.outcome, language)
        message = escape(check.message)
        console.print(f"[{colour}]{said:>{width}}[/{colour}]  {message}", highlight=False)
        if check.criterion:
            criterion = escape(check.criterion)
            console.print(f"{'':>{width + 2}}“{criterion}”", style="dim", highlight=False)
    console.print(escape(detail.screening.note), style="italic", highlight=True)
