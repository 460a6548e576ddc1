"""Random ids for responses and answers, so an id says nothing about when it was sent

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 21:10:00

New ids are drawn at random by the application, up to 2^62, so on PostgreSQL the columns (and
every column pointing at them) become BIGINT and stop counting from a sequence. On SQLite an
INTEGER already holds 64 bits, so nothing changes there. Ids already given are kept. Going
back works only while no id is above 2^31.
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

#: (table, column) pairs holding a response's or an answer's id.
COLUMNS = [
    ("responses", "id"), ("answers", "id"), ("answers", "response_id"), ("comment_analyses", "answer_id"),
    ("comment_themes", "answer_id"), ("you_said_evidence", "answer_id"),
]


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, column in COLUMNS:
        op.alter_column(table, column, type_=sa.BigInteger(), existing_type=sa.Integer())
    for table in ("responses", "answers"):
        op.alter_column(table, "id", server_default=None)
        op.execute(f"DROP SEQUENCE IF EXISTS {table}_id_seq")


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ("responses", "answers"):
        op.execute(f"CREATE SEQUENCE IF NOT EXISTS {table}_id_seq OWNED BY {table}.id")
        op.execute(f"SELECT setval('{table}_id_seq', COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)")
        op.alter_column(table, "id", server_default=sa.text(f"nextval('{table}_id_seq'::regclass)"))
    for table, column in reversed(COLUMNS):
        op.alter_column(table, column, type_=sa.Integer(), existing_type=sa.BigInteger())
