"""A recommendation or a plan's action keeps what it means for young people, in plain words, for the board

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-04 19:05:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('you_said_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('plain_summary', sa.Text(), nullable=False, server_default=''))


def downgrade():
    with op.batch_alter_table('you_said_items', schema=None) as batch_op:
        batch_op.drop_column('plain_summary')
