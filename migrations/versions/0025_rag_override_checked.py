"""An officer's RAG override (on an action or a scorecard measure) holds only red, amber, green or nothing:
a CHECK per column

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 22:30:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0025'
down_revision = '0024'
branch_labels = None
depends_on = None

#: The words an override may hold, written out here so this step never changes with the code: no override
#: is stored as the empty word.
ALLOWED = ('', 'red', 'amber', 'green')
TABLES = ('actions', 'measures')


def upgrade():
    quoted = ", ".join(f"'{word}'" for word in ALLOWED)
    for table in TABLES:
        # Any other word was never shown (the RAG rule ignores an override that is not a colour), so it
        # becomes no override, as it has always been read.
        op.execute(f"UPDATE {table} SET rag_override = '' WHERE rag_override NOT IN ({quoted})")
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_check_constraint(op.f(f'ck_{table}_rag_override_allowed'), f"rag_override IN ({quoted})")


def downgrade():
    for table in reversed(TABLES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f'ck_{table}_rag_override_allowed'), type_='check')
