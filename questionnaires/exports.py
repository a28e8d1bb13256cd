"""All submitted answers of a questionnaire as CSV and XLSX (one row per State, one column per question)."""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from core.spreadsheets import csv_bytes, safe_cell

from .models import Questionnaire
from .selectors import export_table


def answers_csv(questionnaire: Questionnaire) -> bytes:
    header, rows = export_table(questionnaire)
    return csv_bytes(header, rows)


def answers_xlsx(questionnaire: Questionnaire) -> bytes:
    header, rows = export_table(questionnaire)
    wb = Workbook()
    ws = wb.active
    ws.title = "Answers"
    ws.append(header)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        ws.append([safe_cell(v) for v in row])
    ws.freeze_panes = "C2"
    for i, _h in enumerate(header, start=1):
        ws.column_dimensions[get_column_letter(i)].width = 18 if i <= 5 else 40
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
