"""``newsgraph transfers``: the arms-transfer view of the store."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from ..dates import format_time
from ..store import TRANSFER_STATUSES, Store, TransferQuery, find_transfers
from .app import DbOption, OutputFormat, app, out, parse_date, print_rows, settings_from
from .terminal import escape


def _count(row: dict[str, Any]) -> str:
    """ "14 sets", "several", "~300", "8": the count as a reader wants it."""
    count, unit, quantity = row["count"], row["unit"], row["quantity"]
    if count is None:
        return quantity or ""
    number = f"{count:g}"
    if row["approximate"]:
        number = f"~{number}"
    return f"{number} {unit}s" if unit and count != 1 else f"{number} {unit}" if unit else number


def _row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "date": row["date"],
        "date_source": row["date_source"],
        "supplier": row["supplier"],
        "supplier_codes": row["supplier_codes"],
        "recipient": row["recipient"],
        "recipient_codes": row["recipient_codes"],
        "item": row["item"],
        "category": row["category"],
        "designation": row["designation"],
        "count": row["count"],
        "unit": row["unit"],
        "quantity": row["quantity"],
        "approximate": row["approximate"],
        "hedge": row["hedge"],
        "text": row["item_text"],
        "action": row["action"],
        "status": row["status"],
        "status_basis": row["status_basis"],
        "event_type": row["event_type"],
        "certainty": row["certainty"],
        "negated": row["negated"],
        "sources": row["sources"],
        "outlet": row["outlet_abbreviation"] or row["outlet"],
        "published": row["published"].isoformat() if row["published"] else None,
        "trigger": row["trigger"],
        "evidence": row["evidence"],
        "doc_id": row["doc_id"],
        "event_id": row["event_id"],
    }


def _table(rows: list[dict[str, Any]]) -> None:
    table = Table(title=f"{len(rows)} transfers", show_lines=False, expand=False)
    for column in (
        "date",
        "supplier",
        "recipient",
        "item",
        "count",
        "status",
        "on whose word",
        "doc",
    ):
        table.add_column(column, overflow="fold", no_wrap=column in ("date", "status", "doc"))
    for row in rows:
        what = " ".join(x for x in (row["designation"], row["item"]) if x)
        if row["hedge"]:
            what += f" ({row['hedge']})"
        source = row["sources"] or row["outlet"] or ""
        table.add_row(
            (format_time(row["date"]) if row["date"] else "")
            + ("*" if row["date_source"] == "publication" else ""),
            escape(row["supplier"] or "?"),
            escape(row["recipient"] or "?"),
            escape(what),
            escape(_count(row)),
            row["status"] + (" (neg)" if row["negated"] else ""),
            escape(source),
            row["doc_id"][:8],
        )
    out.print(table)
    if any(r["date_source"] == "publication" for r in rows):
        out.print("* no time in the text: the publication date stands in")


@app.command("transfers")
def transfers_command(
    db: DbOption = None,
    supplier: Annotated[
        str | None, typer.Option(help="Supplier name or code (RUS), any part of it.")
    ] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient name or code.")] = None,
    status: Annotated[str | None, typer.Option(help=", ".join(TRANSFER_STATUSES) + ".")] = None,
    item: Annotated[
        str | None, typer.Option(help="Item, category or designation: missile, S-400, drone.")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Transfers on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Transfers on or before YYYY-MM-DD.")] = None,
    doc: Annotated[
        str | None, typer.Option("--doc", help="Only this document (id prefix).")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many transfers.")] = 100,
    format: OutputFormat = "table",
) -> None:
    """Arms transfers: supplier, recipient, item, designation, count, status, date, evidence
    and sources, newest first."""
    settings = settings_from(db=db)
    query = TransferQuery(
        supplier=supplier,
        recipient=recipient,
        status=status,
        item=item,
        since=parse_date(since, "--since"),
        until=parse_date(until, "--until"),
        doc_id=doc,
        limit=limit,
    )
    with Store(settings.db, read_only=True) as store:
        rows = [_row(row) for row in find_transfers(store, query)]
    if format == "table":
        _table(rows)
    else:
        print_rows(rows, format, title="transfers")
