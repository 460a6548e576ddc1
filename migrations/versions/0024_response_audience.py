"""The audience of the link a response came through, for surveys written for more than one audience, kept
on the response and in the running totals so results can be filtered by it

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06 22:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0024'
down_revision = '0023'
branch_labels = None
depends_on = None

#: Each running total and its key, the audience added after the day.
TALLIES = {
    'response_tallies': ['survey_id', 'day'],
    'answer_tallies': ['question_id', 'day', 'choice', 'survey_id'],
    'answer_pair_tallies': ['survey_id', 'by_question_id', 'by_choice', 'day', 'question_id', 'choice'],
}


def upgrade():
    with op.batch_alter_table('responses') as batch_op:
        batch_op.add_column(sa.Column('audience', sa.String(length=40), server_default='', nullable=False))
    for table, key in TALLIES.items():
        with op.batch_alter_table(table, recreate='always') as batch_op:
            batch_op.add_column(sa.Column('audience', sa.String(length=40), server_default='', nullable=False))
            batch_op.drop_constraint(f'pk_{table}', type_='primary')
            batch_op.create_primary_key(f'pk_{table}', [*key, 'audience'])


def downgrade():
    for table, key in TALLIES.items():
        with op.batch_alter_table(table, recreate='always') as batch_op:
            batch_op.drop_constraint(f'pk_{table}', type_='primary')
            batch_op.drop_column('audience')
            batch_op.create_primary_key(f'pk_{table}', key)
    with op.batch_alter_table('responses') as batch_op:
        batch_op.drop_column('audience')
