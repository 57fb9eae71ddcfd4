import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { Material } from '@kehittamo/shared/domain';
import { DateTimePipe, I18nService, TranslatePipe } from '@kehittamo/web/core';
import { MaterialApi } from '../shared/material.api';
import { NoticeComponent } from '@kehittamo/web/ui';
import { FileSizePipe } from '../shared/format';
import { formatName } from '../shared/material-card.component';
import { MaterialUploadComponent } from '../shared/material-upload.component';

/** Characters of the checksum shown before "Show the whole checksum". */
const CHECKSUM_SHOWN = 12;

/**
 * A file material: its preview (or a text excerpt), format, size and checksum, the download (only
 * once the file is clean), every version newest first, and for editors "Replace the file" with the
 * same progress and Cancel as the first upload.
 */
@Component({
  selector: 'kh-material-file',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButton, TranslatePipe, DateTimePipe, FileSizePipe, NoticeComponent, MaterialUploadComponent],
  templateUrl: './material-file.component.html',
  styleUrl: './material-file.component.scss',
})
export class MaterialFileComponent {
  private readonly api = inject(MaterialApi);
  private readonly i18n = inject(I18nService);
  protected readonly upload = viewChild(MaterialUploadComponent);

  readonly material = input.required<Material>();
  /** The material after a new version was uploaded. */
  readonly changed = output<Material>();

  protected readonly file = computed(() => this.material().file);
  protected readonly format = computed(() => formatName(this.material()));
  protected readonly shortChecksum = computed(() => this.file()?.sha256.slice(0, CHECKSUM_SHOWN) ?? '');
  protected readonly previewUrl = computed(() => this.api.previewUrl(this.material().id));
  protected readonly notice = signal<string | null>(null);

  protected downloadUrl(version?: number): string {
    return this.api.downloadUrl(this.material().id, version);
  }

  protected replace(): void {
    this.notice.set(null);
    this.upload()?.start((file) => this.api.uploadVersion(this.material().id, file));
  }

  protected replaced(material: Material): void {
    this.upload()?.clear();
    this.notice.set(this.i18n.translate('material.replaced'));
    this.changed.emit(material);
  }
}
