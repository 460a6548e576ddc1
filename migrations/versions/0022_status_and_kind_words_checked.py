"""Each status and kind column holds only the words the app knows: a CHECK per column

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-04 19:00:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None

#: The allowed words of each column, as the StrEnums in the models hold them today, written out here so this
#: step never changes with the code. The words are the ones always stored, so no row changes.
ALLOWED = {
    'surveys': {'status': ('draft', 'open', 'closed')},
    'questions': {'kind': ('single', 'multiple', 'scale', 'faces', 'yesno', 'text', 'promise')},
    'comment_analyses': {'status': ('suggested', 'confirmed', 'set-aside'), 'flag_status': ('', 'open', 'handled')},
    'help_requests': {'status': ('open', 'contacted', 'unreached')},
    'actions': {'status': ('not-started', 'in-progress', 'done', 'not-progressed', 'wont-do')},
}


def upgrade():
    for table, columns in ALLOWED.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, words in columns.items():
                quoted = ", ".join(f"'{word}'" for word in words)
                batch_op.create_check_constraint(op.f(f'ck_{table}_{column}_allowed'), f"{column} IN ({quoted})")


def downgrade():
    for table, columns in reversed(ALLOWED.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in reversed(columns):
                batch_op.drop_constraint(op.f(f'ck_{table}_{column}_allowed'), type_='check')
