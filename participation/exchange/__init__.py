"""Moving data in and out: CSV and spreadsheet import and export."""
