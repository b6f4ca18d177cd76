from django import forms
from django.utils.translation import gettext_lazy as _

from disclosure.models import Article, Column
from disclosure.permissions import columns as permissions
from portal.models import Department
from portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, MultipleFileField, accept_upload

ATTACHMENT_TYPES = IMAGE_TYPES | DOCUMENT_TYPES
MAX_ATTACHMENTS = 10


class ArticleForm(forms.ModelForm):
    files = MultipleFileField(
        label=_("附件"),
        required=False,
        help_text=_(
            "PDF、Word、Excel、PowerPoint 文档或图片；上传时会去除作者、拍摄位置等元数据。"
        ),
    )

    class Meta:
        model = Article
        fields = ["column", "department", "title", "document_number", "summary", "body"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 2}),
            "body": forms.Textarea(attrs={"rows": 12}),
        }

    def __init__(self, *args, user, revising=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["column"].queryset = Column.objects.filter(is_active=True).order_by(
            "order", "id"
        )
        departments = Department.objects.exclude(kind=Department.Kind.VILLAGE).order_by(
            "kind", "name"
        )
        if not permissions.is_columns_admin(user):
            departments = departments.filter(pk=user.department_id)
        # model_to_dict gives a new article department None: default to the author's unit.
        if not self.instance.pk and not self.initial.get("department"):
            self.initial["department"] = user.department_id
        self.fields["department"].queryset = departments
        if revising:
            # A revision carries the text only: attachments stay those of the live article.
            del self.fields["files"]
            self.existing = []
            return
        self.existing = self.instance.attachments.all() if self.instance.pk else []
        if self.existing:
            self.fields["remove"] = forms.ModelMultipleChoiceField(
                label=_("删除附件"),
                queryset=self.instance.attachments.all(),
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )

    def clean_files(self):
        uploads = self.cleaned_data.get("files") or []
        return [accept_upload(upload, allowed=ATTACHMENT_TYPES) for upload in uploads]

    def clean(self):
        data = super().clean()
        kept = len(self.existing) - len(data.get("remove") or [])
        if kept + len(data.get("files") or []) > MAX_ATTACHMENTS:
            self.add_error(
                "files",
                forms.ValidationError(
                    _("每条信息最多 %(n)s 个附件。"), params={"n": MAX_ATTACHMENTS}
                ),
            )
        return data
