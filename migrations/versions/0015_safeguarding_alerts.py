"""Safeguarding flags remember whether the leads have been emailed about them

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-03 08:40:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    # Flags already open when this arrives have never been mailed about: the first sweep tells the leads.
    with op.batch_alter_table('comment_analyses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('flag_alerted', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('comment_analyses', schema=None) as batch_op:
        batch_op.drop_column('flag_alerted')
