"""A question can be shown for any of several answers to an earlier one, kept one on each line

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-04 15:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.alter_column('show_if_value', existing_type=sa.String(length=60), type_=sa.Text(),
                              existing_nullable=False)


def downgrade():
    with op.batch_alter_table('questions', schema=None) as batch_op:
        batch_op.alter_column('show_if_value', existing_type=sa.Text(), type_=sa.String(length=60),
                              existing_nullable=False)
